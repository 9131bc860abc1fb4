package org.stapvm.probes;

import org.stapvm.probes.symbols.SdtNotes;

/**
 * One resolved {@code process(...)} probe point: the canonical path of the ELF file (null for
 * {@code process.begin} and friends, which fire in every traced process), the event, and for
 * FUNCTION/RETURN/CALL/INLINE/INLINED the one function name (wildcards are expanded before this), for STATEMENT,
 * INLINE (an inlined instance, or a function DWARF does not describe) and INLINED (an inlined instance a plain
 * .function takes) the link-time address in {@code path},
 * for PLT the imported function and its stub's address, for MARK the one marker site (its address in
 * {@code address}) and whether the provider was written ({@code .provider("P").mark("N")}).
 * {@link #pp()} is what pp() prints; {@link #record} is what the runtimes receive (probes.def),
 * for a mark its site and semaphore, which pp() leaves out. {@code program}: the program a library's point was
 * reached from ({@code .library("LIB")}), else null.
 */
public record UserPoint(String path, Event event, String function, long address, SdtNotes.Mark mark,
                        boolean providerWritten, String program) {

    public UserPoint(String path, Event event, String function, long address) {
        this(path, event, function, address, null, false, null);
    }

    public UserPoint(String path, Event event, String function, long address, SdtNotes.Mark mark, boolean providerWritten) {
        this(path, event, function, address, mark, providerWritten, null);
    }

    /** This point of a library reached as {@code process("PROGRAM").library("PATH")...}: -l names it so. */
    public UserPoint inProgram(String program) {
        return new UserPoint(path, event, function, address, mark, providerWritten, program);
    }

    /** The statement of {@code path} at {@code address} that DWARF names {@code where} ("F@FILE:LINE"). */
    public static UserPoint line(String path, String where, long address) {
        return new UserPoint(path, Event.STATEMENT, where, address, null, false);
    }

    /** The mark site {@code m} of {@code path}; {@code providerWritten}: pp() names its provider. */
    public static UserPoint mark(String path, SdtNotes.Mark m, boolean providerWritten) {
        return new UserPoint(path, Event.MARK, null, m.pc(), m, providerWritten);
    }

    public enum Event {
        FUNCTION("", ProbeKind.PROCESS_FUNCTION), RETURN(".return", ProbeKind.PROCESS_FUNCTION),
        CALL(".call", ProbeKind.PROCESS_FUNCTION), INLINE(".inline", ProbeKind.PROCESS_STATEMENT),
        /** An inlined instance a plain .function("F") takes, as stap does: pp() without ".inline". */
        INLINED("", ProbeKind.PROCESS_STATEMENT),
        PLT("", ProbeKind.PROCESS_STATEMENT),
        STATEMENT(".absolute", ProbeKind.PROCESS_STATEMENT), BEGIN(".begin", ProbeKind.PROCESS_BEGIN),
        END(".end", ProbeKind.PROCESS_END), THREAD_BEGIN(".thread.begin", ProbeKind.THREAD_BEGIN),
        THREAD_END(".thread.end", ProbeKind.THREAD_END), SYSCALL(".syscall", ProbeKind.PROCESS_SYSCALL),
        SYSCALL_RETURN(".syscall.return", ProbeKind.PROCESS_SYSCALL_RETURN),
        MARK("", ProbeKind.PROCESS_MARK);

        private final String suffix;
        private final ProbeKind kind;

        Event(String suffix, ProbeKind kind) {
            this.suffix = suffix;
            this.kind = kind;
        }
    }

    /**
     * This point as a typed probe record, {@link #pp()} as its pp(); {@code absolute}: a
     * statement's ".absolute" was written (its pp() always says it).
     */
    public ProbeRecord record(boolean absolute) {
        return switch (event) {
            case FUNCTION, RETURN, CALL -> ProbeRecord.processFunction(pp(), path, symbol(), event == Event.RETURN);
            // an inlined instance has no symbol: it is placed at its entry pc
            case INLINE, INLINED, PLT -> ProbeRecord.processStatement(pp(), path, address, false);
            case STATEMENT -> ProbeRecord.processStatement(pp(), path, address, absolute);
            case MARK -> ProbeRecord.processMark(pp(), path, address, mark.semaphore());
            default -> ProbeRecord.processEvent(event.kind, pp(), path);
        };
    }

    /** The symbol of a FUNCTION/RETURN point: its function without the "@FILE:LINE" DWARF adds to it. */
    public String symbol() {
        int at = function == null ? -1 : function.indexOf('@');
        return at < 0 ? function : function.substring(0, at);
    }

    /**
     * What -l lists for this point: its pp(), but a PLT stub by its name as stap lists it ({@code plt("puts")}),
     * and a library's point under the program it was reached from ({@code process("P").library("LIB")...}).
     */
    public String listed() {
        String head = "process(\"" + path + "\")";
        String text = event == Event.PLT ? head + ".plt(\"" + function + "\")" : pp();
        return program == null || !text.startsWith(head) ? text
                : "process(\"" + program + "\").library(\"" + path + "\")" + text.substring(head.length());
    }

    public String pp() {
        StringBuilder sb = new StringBuilder("process");
        if (path != null) {
            sb.append("(\"").append(path).append("\")");
        }
        switch (event) {
            case FUNCTION, RETURN, CALL, INLINE, INLINED -> sb.append(".function(\"").append(function).append("\")");
            case PLT -> sb.append(".statement(0x").append(Long.toHexString(address)).append(")");
            case STATEMENT -> sb.append(function != null ? ".statement(\"" + function + "\")"
                    : ".statement(0x" + Long.toHexString(address) + ")");
            case MARK -> sb.append(providerWritten ? ".provider(\"" + mark.provider() + "\")" : "")
                    .append(".mark(\"").append(mark.name()).append("\")");
            default -> { }
        }
        return sb.append(event == Event.STATEMENT && function != null ? "" : event.suffix).toString();
    }
}
