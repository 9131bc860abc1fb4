package org.stapvm.probes;

/**
 * A resolved probe point. {@code sequence} orders begin/end/error probes (begin(N)); for timers
 * {@code unit} is the written unit (s, ms, us, ns, hz, jiffies), {@code value} its argument,
 * {@code periodNs} the period in nanoseconds (jiffies: value jiffies, periodNs 0 since HZ is a
 * property of the target) and {@code randomize} the randomization in the same unit as value.
 * PROCESS and KERNEL points are resolved to one function (wildcards expand to one spec per match):
 * a PROCESS point keeps its {@code user} point (which event, for the target symbols it offers), a
 * KERNEL point its {@code kernelPoint} text; a KERNEL .return has unit "return".
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize,
                        String kernelPoint, UserPoint user) {

    /** PROCESS: the userspace breakpoint engine (or the kernel's uprobes); KERNEL: stapvm.ko's kprobes. */
    public enum Kind { BEGIN, END, ERROR, NEVER, TIMER, PROCESS, KERNEL }

    public ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize) {
        this(kind, sequence, unit, value, periodNs, randomize, null, null);
    }

    public static ProbeSpec simple(Kind kind, long sequence) {
        return new ProbeSpec(kind, sequence, null, 0, 0, 0);
    }

    public static ProbeSpec process(UserPoint user) {
        return new ProbeSpec(Kind.PROCESS, 0, null, 0, 0, 0, null, user);
    }

    /** The text the runtime parses (docs/bytecode.md) for a PROCESS or KERNEL point; null for the others. */
    public String descriptor() {
        return user != null ? user.descriptor() : kernelPoint;
    }

    /** One kernel probe (isReturn: a .return probe) and its descriptor. */
    public static ProbeSpec kernel(boolean isReturn, String descriptor) {
        return new ProbeSpec(Kind.KERNEL, 0, isReturn ? "return" : null, 0, 0, 0, descriptor, null);
    }
}
