// GENERATED from runtime-native/vm/probes.def by tools/gen_bytecode.py: do not edit.
package org.stapvm.probes;

/**
 * The probe kinds a module's probe record carries (runtime-native/vm/probes.def): the number the C
 * runtimes switch on, where each can be placed, the record fields it needs or may have, the flags it
 * may carry and what its hits have.
 */
public enum ProbeKind {
    /** begin: once at the start of the session, in the loader's context */
    BEGIN(1, 7, 0, 0, 2, 0, "begin: once at the start of the session, in the loader's context"),
    /** end: once at the end, unless the session aborted */
    END(2, 7, 0, 0, 2, 0, "end: once at the end, unless the session aborted"),
    /** error: at the end after an abort (MAXERRORS, MAXSKIPPED) */
    ERROR(3, 7, 0, 0, 2, 0, "error: at the end after an abort (MAXERRORS, MAXSKIPPED)"),
    /** never: never runs */
    NEVER(4, 7, 0, 0, 2, 0, "never: never runs"),
    /** timer.UNIT(N)[.randomize(M)]: every period ns (PFL_JIFFIES: ticks), each interval +- up to jitter; kernel: one hrtimer, no jitter */
    TIMER(5, 7, 16, 32, 10, 0, "timer.UNIT(N)[.randomize(M)]: every period ns (PFL_JIFFIES: ticks), each interval +- up to jitter; kernel: one hrtimer, no jitter"),
    /** timer.profile: on every CPU at the tick rate (one pinned hrtimer per CPU); no registers */
    TIMER_PROFILE(6, 1, 0, 0, 2, 0, "timer.profile: on every CPU at the tick rate (one pinned hrtimer per CPU); no registers"),
    /** kernel.function("SYM"), kprobe.function, module("MOD").function: a kprobe at the entry of SYM (in MOD), with PFL_RETURN a kretprobe */
    KPROBE(7, 1, 1, 2, 3, 5, "kernel.function(\"SYM\"), kprobe.function, module(\"MOD\").function: a kprobe at the entry of SYM (in MOD), with PFL_RETURN a kretprobe"),
    /** kprobe.statement(ADDR).absolute: a kprobe at kernel address ADDR */
    KPROBE_STATEMENT(8, 1, 8, 0, 6, 1, "kprobe.statement(ADDR).absolute: a kprobe at kernel address ADDR"),
    /** process("PATH").function("SYM")[.return]: at the entry (return) of SYM of PATH in every process that maps PATH; with an address (its prologue's end, where DWARF $vars are read) there instead: userspace runtime only */
    PROCESS_FUNCTION(9, 7, 5, 8, 3, 7, "process(\"PATH\").function(\"SYM\")[.return]: at the entry (return) of SYM of PATH in every process that maps PATH; with an address (its prologue's end, where DWARF $vars are read) there instead: userspace runtime only"),
    /** process("PATH").statement(ADDR)[.absolute]: at link-time address ADDR of PATH */
    PROCESS_STATEMENT(10, 7, 12, 0, 6, 3, "process(\"PATH\").statement(ADDR)[.absolute]: at link-time address ADDR of PATH"),
    /** process[("PATH")].begin: a process (running PATH) starts */
    PROCESS_BEGIN(11, 6, 0, 4, 2, 2, "process[(\"PATH\")].begin: a process (running PATH) starts"),
    /** process[("PATH")].end: a process (running PATH) exits */
    PROCESS_END(12, 6, 0, 4, 2, 2, "process[(\"PATH\")].end: a process (running PATH) exits"),
    /** process[("PATH")].thread.begin: a thread of such a process starts */
    THREAD_BEGIN(13, 6, 0, 4, 2, 2, "process[(\"PATH\")].thread.begin: a thread of such a process starts"),
    /** process[("PATH")].thread.end: a thread of such a process exits */
    THREAD_END(14, 6, 0, 4, 2, 2, "process[(\"PATH\")].thread.end: a thread of such a process exits"),
    /** process[("PATH")].syscall: a system call of such a process enters (PFL_SYSNR: only call number ADDR) */
    PROCESS_SYSCALL(15, 6, 0, 12, 18, 3, "process[(\"PATH\")].syscall: a system call of such a process enters (PFL_SYSNR: only call number ADDR)"),
    /** process[("PATH")].syscall.return: a system call of such a process returns (PFL_SYSNR: only call number ADDR) */
    PROCESS_SYSCALL_RETURN(16, 6, 0, 12, 18, 7, "process[(\"PATH\")].syscall.return: a system call of such a process returns (PFL_SYSNR: only call number ADDR)"),
    /** kernel.trace("SYSTEM:NAME"): tracepoint NAME (of module MOD), through tracepoint_probe_register; its arguments by position */
    TRACEPOINT(17, 1, 1, 2, 2, 8, "kernel.trace(\"SYSTEM:NAME\"): tracepoint NAME (of module MOD), through tracepoint_probe_register; its arguments by position"),
    /** process("PATH")[.provider("P")].mark("NAME"): the SDT mark site at link-time address ADDR of PATH, its semaphore (if any) raised while probed (stapvm.ko: by the kernel, uprobe_register_refctr) */
    PROCESS_MARK(18, 7, 12, 64, 2, 3, "process(\"PATH\")[.provider(\"P\")].mark(\"NAME\"): the SDT mark site at link-time address ADDR of PATH, its semaphore (if any) raised while probed (stapvm.ko: by the kernel, uprobe_register_refctr)"),
    /** procfs("__stdin").write (input.char, input.line): once per byte the loader reads from its standard input, the byte in _stdin_value() (stap's staprun writes its stdin to /proc/systemtap/MODULE/__stdin a byte at a time) */
    INPUT(19, 2, 0, 0, 2, 0, "procfs(\"__stdin\").write (input.char, input.line): once per byte the loader reads from its standard input, the byte in _stdin_value() (stap's staprun writes its stdin to /proc/systemtap/MODULE/__stdin a byte at a time)"),
    /** procfs[("PATH")][.umask(N)].read[.maxsize(N)]: a read from offset 0 of /proc/systemtap/MODULE/PATH (symbol PATH, module MODULE, address the file's mode bits, ORed over the probes of one file) runs the handler in the reader's process context; what it sets with _procfs_set/_procfs_append (at most period bytes; no period: MAXSTRINGLEN) is what the reader gets */
    PROCFS_READ(20, 1, 3, 24, 0, 0, "procfs[(\"PATH\")][.umask(N)].read[.maxsize(N)]: a read from offset 0 of /proc/systemtap/MODULE/PATH (symbol PATH, module MODULE, address the file's mode bits, ORed over the probes of one file) runs the handler in the reader's process context; what it sets with _procfs_set/_procfs_append (at most period bytes; no period: MAXSTRINGLEN) is what the reader gets"),
    /** procfs[("PATH")][.umask(N)].write: each write() to /proc/systemtap/MODULE/PATH (fields as PROCFS_READ; at most MAXSTRINGLEN-1 bytes of one write are taken) runs the handler in the writer's process context, the data in _procfs_value() */
    PROCFS_WRITE(21, 1, 3, 24, 0, 0, "procfs[(\"PATH\")][.umask(N)].write: each write() to /proc/systemtap/MODULE/PATH (fields as PROCFS_READ; at most MAXSTRINGLEN-1 bytes of one write are taken) runs the handler in the writer's process context, the data in _procfs_value()");

    /** Field of a probe record */
    public enum Field {
        /** symbol: a function name */
        SYM(1),
        /** module: the kernel module of the symbol */
        MOD(2),
        /** path: the absolute, canonical path of an ELF file */
        PATH(4),
        /** address: a kernel address, or a link-time address in path */
        ADDR(8),
        /** period: a timer's interval */
        PERIOD(16),
        /** jitter: a timer's randomization, +- per interval */
        JITTER(32),
        /** semaphore: the link-time address in path of an SDT mark's semaphore (a u16 the runtime raises while the mark is probed) */
        SEM(64);

        public final int bit;

        Field(int bit) {
            this.bit = bit;
        }
    }

    /** Flag of a probe record */
    public enum Flag {
        /** at the function's return */
        RETURN(1),
        /** registration may fail silently (a member of a wildcard) */
        OPTIONAL(2),
        /** .absolute was written */
        ABSOLUTE(4),
        /** period and jitter count kernel ticks (1/HZ), not nanoseconds */
        JIFFIES(8),
        /** address is the one system call number whose stops can run the handler (its first statement leaves every other call) */
        SYSNR(16);

        public final int bit;

        Flag(int bit) {
            this.bit = bit;
        }
    }

    /** The kind's stable number (the record's u16 kind). */
    public final int number;
    /** One line from probes.def. */
    public final String doc;
    private final int runtimes, needs, may, flags, context;

    ProbeKind(int number, int runtimes, int needs, int may, int flags, int context, String doc) {
        this.number = number; this.runtimes = runtimes; this.needs = needs; this.may = may;
        this.flags = flags; this.context = context; this.doc = doc;
    }

    /** stapvm.ko places it. */
    public boolean kernel() { return (runtimes & 1) != 0; }

    /** The userspace runtime places it. */
    public boolean user() { return (runtimes & 2) != 0; }

    /** A stapusr module (--privilege=stapusr) may carry it. */
    public boolean stapusr() { return (runtimes & 4) != 0; }

    /** A record of this kind must have field f. */
    public boolean needs(Field f) { return (needs & f.bit) != 0; }

    /** A record of this kind may have field f (needed or optional). */
    public boolean allows(Field f) { return ((needs | may) & f.bit) != 0; }

    /** A record of this kind may carry flag f. */
    public boolean allows(Flag f) { return (flags & f.bit) != 0; }

    /** Its hits have the probed registers. */
    public boolean hasRegisters() { return (context & 1) != 0; }

    /** Its hits run for a user task. */
    public boolean hasUserTask() { return (context & 2) != 0; }

    /** Its hits have a return value (a kind that allows {@link Flag#RETURN}: when the record has it). */
    public boolean hasReturnValue() { return (context & 4) != 0; }

    /** The kind numbered n, or null. */
    public static ProbeKind byNumber(int n) {
        for (ProbeKind k : values()) {
            if (k.number == n) {
                return k;
            }
        }
        return null;
    }
}
