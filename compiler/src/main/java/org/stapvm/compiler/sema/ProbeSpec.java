package org.stapvm.compiler.sema;

/**
 * A resolved probe point of the userspace runtime. {@code sequence} orders begin/end/error
 * probes (begin(N)); for timers {@code unit} is the written unit (s, ms, us, ns, hz, jiffies),
 * {@code value} its argument, {@code periodNs} the period in nanoseconds (jiffies: value
 * jiffies, periodNs 0 since HZ is a property of the target) and {@code randomize} the
 * randomization in the same unit as value. {@code user} is the resolved point of a PROCESS probe.
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize,
                        UserPoint user) {

    public enum Kind { BEGIN, END, ERROR, NEVER, TIMER, PROCESS }

    public ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize) {
        this(kind, sequence, unit, value, periodNs, randomize, null);
    }

    public static ProbeSpec simple(Kind kind, long sequence) {
        return new ProbeSpec(kind, sequence, null, 0, 0, 0);
    }

    public static ProbeSpec process(UserPoint user) {
        return new ProbeSpec(Kind.PROCESS, 0, null, 0, 0, 0, user);
    }
}
