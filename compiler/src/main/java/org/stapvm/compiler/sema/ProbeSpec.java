package org.stapvm.compiler.sema;

/**
 * A resolved probe point of the userspace runtime. {@code sequence} orders begin/end/error
 * probes (begin(N)); for timers {@code unit} is the written unit (s, ms, us, ns, hz, jiffies),
 * {@code value} its argument, {@code periodNs} the period in nanoseconds (jiffies: value
 * jiffies, periodNs 0 since HZ is a property of the target) and {@code randomize} the
 * randomization in the same unit as value.
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize) {

    public enum Kind { BEGIN, END, ERROR, NEVER, TIMER }

    public static ProbeSpec simple(Kind kind, long sequence) {
        return new ProbeSpec(kind, sequence, null, 0, 0, 0);
    }
}
