package org.stapvm.probes;

/**
 * A resolved probe point. {@code sequence} orders begin/end/error probes (begin(N)); for timers
 * {@code unit} is the written unit (s, ms, us, ns, hz, jiffies), {@code value} its argument,
 * {@code periodNs} the period in nanoseconds (jiffies: value jiffies, periodNs 0 since HZ is a
 * property of the target) and {@code randomize} the randomization in the same unit as value.
 * PROCESS and KERNEL points are resolved to one function (wildcards expand to one spec per match):
 * a PROCESS point keeps its {@code user} point (which event, for the target symbols it offers), a
 * KERNEL point its {@code kernelPoint} text; a KERNEL .return has unit "return". {@code record} is
 * the same point as the typed probe record the runtimes are to receive (probes.def), which the
 * families fill in now so that the module writer can switch from the descriptor text to it.
 */
public record ProbeSpec(Kind kind, long sequence, String unit, long value, long periodNs, long randomize,
                        String kernelPoint, UserPoint user, ProbeRecord record) {

    /** PROCESS: the userspace breakpoint engine (or the kernel's uprobes); KERNEL: stapvm.ko's kprobes. */
    public enum Kind { BEGIN, END, ERROR, NEVER, TIMER, PROCESS, KERNEL, INPUT, PROCFS }

    /** begin, end, error or never (the kind's name is its pp()), ordered by {@code sequence}. */
    public static ProbeSpec simple(Kind kind, long sequence) {
        return simple(kind, sequence, false);
    }

    /** As {@link #simple(Kind, long)}; a sequence the point wrote is in pp(), as stap's "begin(5)". */
    public static ProbeSpec simple(Kind kind, long sequence, boolean sequenceWritten) {
        String name = kind.name().toLowerCase(java.util.Locale.ROOT);
        ProbeRecord record = ProbeRecord.of(ProbeKind.valueOf(kind.name()), sequenceWritten ? name + "(" + sequence + ")" : name);
        return new ProbeSpec(kind, sequence, null, 0, 0, 0, null, null, record);
    }

    /** procfs("__stdin").write: a byte of the loader's standard input (input.char, input.line). */
    public static ProbeSpec input() {
        ProbeRecord record = ProbeRecord.of(ProbeKind.INPUT, "procfs(\"__stdin\").write");
        return new ProbeSpec(Kind.INPUT, 0, null, 0, 0, 0, null, null, record);
    }

    /** procfs("PATH").read/.write: a /proc/systemtap/MODULE/PATH file of stapvm.ko. */
    public static ProbeSpec procfs(ProbeRecord record) {
        return new ProbeSpec(Kind.PROCFS, 0, null, 0, 0, 0, null, null, record);
    }

    /** timer.UNIT(VALUE)[.randomize(RANDOMIZE)] (periodNs 0 for jiffies) and its record. */
    public static ProbeSpec timer(String unit, long value, long periodNs, long randomize, ProbeRecord record) {
        return new ProbeSpec(Kind.TIMER, 0, unit, value, periodNs, randomize, null, null, record);
    }

    /** A process point and its record ({@link UserPoint#record}). */
    public static ProbeSpec process(UserPoint user, ProbeRecord record) {
        return new ProbeSpec(Kind.PROCESS, 0, null, 0, 0, 0, null, user, record);
    }

    /** The point as the compiler's kernel checks read it (a KERNEL point's text, a PROCESS point's pp()); null for the others. */
    public String descriptor() {
        return user != null ? user.pp() : kernelPoint;
    }

    /** A point resolved to one function or address (PROCESS, KERNEL): probes from one pattern share a handler. */
    public boolean resolvedPoint() {
        return kind == Kind.PROCESS || kind == Kind.KERNEL;
    }

    /** What pp() prints for a PROCESS or KERNEL point (its record's); null for the others. */
    public String pp() {
        return resolvedPoint() ? record.pp() : null;
    }

    /** One kernel probe (isReturn: a .return probe), its descriptor and its record. */
    public static ProbeSpec kernel(boolean isReturn, String descriptor, ProbeRecord record) {
        return new ProbeSpec(Kind.KERNEL, 0, isReturn ? "return" : null, 0, 0, 0, descriptor, null, record);
    }
}
