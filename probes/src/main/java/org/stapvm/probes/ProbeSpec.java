package org.stapvm.probes;

/**
 * A resolved probe point. {@code sequence} orders begin/end/error probes (begin(N)); for timers
 * {@code unit} is the written unit (s, ms, us, ns, hz, jiffies), {@code value} its argument,
 * {@code periodNs} the period in nanoseconds (jiffies: value jiffies, periodNs 0 since HZ is a
 * property of the target) and {@code randomize} the randomization in the same unit as value.
 * PROCESS and KERNEL points are resolved to one function (wildcards expand to one spec per match):
 * a PROCESS point keeps its {@code user} point (which event, for the target symbols it offers), a
 * KERNEL point its record {@code kernelPoint}; a KERNEL .return has unit "return".
 * {@link #record()} is what the module carries to the runtimes.
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize,
                        ProbeRecord kernelPoint, UserPoint user) {

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

    /** One kernel probe point (stapvm.ko's); its .return flag gives the unit "return". */
    public static ProbeSpec kernel(ProbeRecord point) {
        return new ProbeSpec(Kind.KERNEL, 0, point.isReturn() ? "return" : null, 0, 0, 0, point, null);
    }

    /** A point resolved to one function or address (PROCESS, KERNEL): probes from one pattern share a handler. */
    public boolean resolvedPoint() {
        return kind == Kind.PROCESS || kind == Kind.KERNEL;
    }

    /** What pp() prints for a PROCESS or KERNEL point; null for the others. */
    public String pp() {
        return resolvedPoint() ? record().pp() : null;
    }

    /** The typed probe record the module carries (docs/bytecode.md, "Probe kinds"). */
    public ProbeRecord record() {
        return switch (kind) {
            case BEGIN -> ProbeRecord.of(ProbeKind.BEGIN, "begin");
            case END -> ProbeRecord.of(ProbeKind.END, "end");
            case ERROR -> ProbeRecord.of(ProbeKind.ERROR, "error");
            case NEVER -> ProbeRecord.of(ProbeKind.NEVER, "never");
            case TIMER -> timer();
            case PROCESS -> user.record();
            case KERNEL -> kernelPoint;
        };
    }

    /** timer.UNIT(N)[.randomize(M)]: ns (hz: 10^9/N per interval, M/N of it as jitter), jiffies in ticks. */
    private ProbeRecord timer() {
        String pp = "timer." + unit + "(" + value + ")" + (randomize != 0 ? ".randomize(" + randomize + ")" : "");
        if (unit.equals("jiffies")) {
            return ProbeRecord.timer(pp, value, randomize, true);
        }
        long jitter = unit.equals("hz") ? randomize * periodNs / value : randomize * (periodNs / value);
        return ProbeRecord.timer(pp, periodNs, jitter, false);
    }
}
