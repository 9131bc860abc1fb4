package org.stapvm.compiler.sema;

/**
 * A resolved probe point of the userspace runtime. {@code sequence} orders begin/end/error
 * probes (begin(N)); for timers {@code unit} is the written unit (s, ms, us, ns, hz, jiffies),
 * {@code value} its argument, {@code periodNs} the period in nanoseconds (jiffies: value
 * jiffies, periodNs 0 since HZ is a property of the target) and {@code randomize} the
 * randomization in the same unit as value. Kernel probes carry their expanded descriptors.
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize,
                        java.util.List<String> descriptors) {

    /** KERNEL: kprobes/kretprobes of stapvm.ko; {@code descriptors} holds one entry per matched function. */
    public enum Kind { BEGIN, END, ERROR, NEVER, TIMER, KERNEL }

    public ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize) {
        this(kind, sequence, unit, value, periodNs, randomize, java.util.List.of());
    }

    public static ProbeSpec simple(Kind kind, long sequence) {
        return new ProbeSpec(kind, sequence, null, 0, 0, 0);
    }

    /** A kernel probe (return: a .return probe) expanded to its descriptors. */
    public static ProbeSpec kernel(boolean isReturn, java.util.List<String> descriptors) {
        return new ProbeSpec(Kind.KERNEL, 0, isReturn ? "return" : null, 0, 0, 0, java.util.List.copyOf(descriptors));
    }
}
