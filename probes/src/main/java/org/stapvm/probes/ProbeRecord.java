package org.stapvm.probes;

import java.util.EnumSet;
import java.util.Set;

/**
 * One resolved probe point as it travels to the runtimes: its kind (a row of probes.def), flags and
 * typed fields, and separately the {@code pp()} text users see. The module writer stores it as one
 * probe record (docs/bytecode.md, "Probe kinds"); no runtime parses {@code pp}. Absent string fields
 * are null, absent numbers 0. Immutable.
 *
 * @param kind    what to place
 * @param flags   {@link ProbeKind.Flag}s (return, optional, absolute, jiffies)
 * @param pp      what pp() prints: the point as stap prints it, resolved (no wildcard, no '?')
 * @param symbol  the function name (kprobe, process function), the tracepoint's name
 * @param module  the kernel module of the symbol (module("M").function)
 * @param path    the absolute, canonical ELF file (process points)
 * @param address a kernel address (kprobe.statement) or a link-time address in path (process statement)
 * @param period  a timer's interval in ns (with {@link ProbeKind.Flag#JIFFIES}: in ticks)
 * @param jitter  a timer's randomization, +- per interval, in the period's unit
 * @param semaphore an SDT mark's semaphore, its link-time address in path (0: the mark has none)
 */
public record ProbeRecord(ProbeKind kind, Set<ProbeKind.Flag> flags, String pp, String symbol, String module,
                          String path, long address, long period, long jitter, long semaphore) {

    public ProbeRecord {
        if (kind == null || pp == null) {
            throw new IllegalArgumentException("a probe record needs a kind and a pp() text");
        }
        flags = flags.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(flags));
    }

    /** A point without fields: begin, end, error, never, timer.profile, process events in every process. */
    public static ProbeRecord of(ProbeKind kind, String pp) {
        return new ProbeRecord(kind, Set.of(), pp, null, null, null, 0, 0, 0, 0);
    }

    /** procfs("PATH").read/.write of module {@code module}: the file's mode bits and a read's buffer size (0: MAXSTRINGLEN). */
    public static ProbeRecord procfs(String pp, boolean read, String module, String path, int mode, long maxsize) {
        return new ProbeRecord(read ? ProbeKind.PROCFS_READ : ProbeKind.PROCFS_WRITE, Set.of(), pp, path, module, null,
                mode, maxsize, 0, 0);
    }

    /** timer.UNIT(N)[.randomize(M)]: period and jitter in ns, or with jiffies in ticks. */
    public static ProbeRecord timer(String pp, long period, long jitter, boolean jiffies) {
        return new ProbeRecord(ProbeKind.TIMER, jiffies ? Set.of(ProbeKind.Flag.JIFFIES) : Set.of(), pp, null, null,
                null, 0, period, jitter, 0);
    }

    /** kernel.function / kprobe.function / module("M").function (module null: the kernel itself). */
    public static ProbeRecord kernelFunction(String pp, String module, String symbol, boolean isReturn,
                                             boolean optional) {
        return new ProbeRecord(ProbeKind.KPROBE, flags(isReturn, optional), pp, symbol, module, null, 0, 0, 0, 0);
    }

    /** kernel.trace("SYSTEM:NAME"): tracepoint {@code name} of {@code module} (null: the kernel itself). */
    public static ProbeRecord tracepoint(String pp, String module, String name, boolean optional) {
        return new ProbeRecord(ProbeKind.TRACEPOINT, flags(false, optional), pp, name, module, null, 0, 0, 0, 0);
    }

    /** kprobe.statement(ADDR).absolute. */
    public static ProbeRecord kernelStatement(String pp, long address) {
        return new ProbeRecord(ProbeKind.KPROBE_STATEMENT, Set.of(ProbeKind.Flag.ABSOLUTE), pp, null, null, null,
                address, 0, 0, 0);
    }

    /** process("PATH").function("SYMBOL")[.return]. */
    public static ProbeRecord processFunction(String pp, String path, String symbol, boolean isReturn) {
        return new ProbeRecord(ProbeKind.PROCESS_FUNCTION, flags(isReturn, false), pp, symbol, null, path, 0, 0, 0, 0);
    }

    /** process("PATH").statement(ADDR)[.absolute]. */
    public static ProbeRecord processStatement(String pp, String path, long address, boolean absolute) {
        return new ProbeRecord(ProbeKind.PROCESS_STATEMENT, absolute ? Set.of(ProbeKind.Flag.ABSOLUTE) : Set.of(), pp,
                null, null, path, address, 0, 0, 0);
    }

    /**
     * process("PATH").function("SYMBOL") placed at link-time address {@code address} of PATH, its
     * prologue's end (where the compiler read the DWARF $vars), not at its entry.
     */
    public static ProbeRecord processFunctionAt(String pp, String path, String symbol, long address) {
        return new ProbeRecord(ProbeKind.PROCESS_FUNCTION, Set.of(), pp, symbol, null, path, address, 0, 0, 0);
    }

    /** An SDT mark site of PATH at link-time address {@code address}, its semaphore at {@code semaphore} (0: none). */
    public static ProbeRecord processMark(String pp, String path, long address, long semaphore) {
        return new ProbeRecord(ProbeKind.PROCESS_MARK, Set.of(), pp, null, null, path, address, 0, 0, semaphore);
    }

    /** This record placed at {@code address} (a process function after its prologue). */
    public ProbeRecord at(long address) {
        return new ProbeRecord(kind, flags, pp, symbol, module, path, address, period, jitter, semaphore);
    }

    /** A process or thread event, or a syscall stop, of processes running path (null: every traced process). */
    public static ProbeRecord processEvent(ProbeKind kind, String pp, String path) {
        return new ProbeRecord(kind, Set.of(), pp, null, null, path, 0, 0, 0, 0);
    }

    /** This syscall-stop record (process.syscall[.return]) for stops of call {@code nr} only (PFL_SYSNR). */
    public ProbeRecord onlySyscall(long nr) {
        EnumSet<ProbeKind.Flag> f = flags.isEmpty() ? EnumSet.noneOf(ProbeKind.Flag.class) : EnumSet.copyOf(flags);
        f.add(ProbeKind.Flag.SYSNR);
        return new ProbeRecord(kind, f, pp, symbol, module, path, nr, period, jitter, semaphore);
    }

    public boolean has(ProbeKind.Flag f) {
        return flags.contains(f);
    }

    /** At the function's return (kretprobe, uretprobe). */
    public boolean isReturn() {
        return has(ProbeKind.Flag.RETURN);
    }

    /** The flags as the record's u16. */
    public int flagBits() {
        int bits = 0;
        for (ProbeKind.Flag f : flags) {
            bits |= f.bit;
        }
        return bits;
    }

    /** This record with the optional flag (a member of a wildcard: the kernel may refuse it silently). */
    public ProbeRecord optional() {
        EnumSet<ProbeKind.Flag> f = flags.isEmpty() ? EnumSet.noneOf(ProbeKind.Flag.class) : EnumSet.copyOf(flags);
        f.add(ProbeKind.Flag.OPTIONAL);
        return new ProbeRecord(kind, f, pp, symbol, module, path, address, period, jitter, semaphore);
    }

    private static Set<ProbeKind.Flag> flags(boolean isReturn, boolean optional) {
        EnumSet<ProbeKind.Flag> f = EnumSet.noneOf(ProbeKind.Flag.class);
        if (isReturn) {
            f.add(ProbeKind.Flag.RETURN);
        }
        if (optional) {
            f.add(ProbeKind.Flag.OPTIONAL);
        }
        return f;
    }
}
