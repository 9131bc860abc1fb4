package org.stapvm.probes;

/**
 * One resolved {@code process(...)} probe point: the canonical path of the ELF file (null for
 * {@code process.begin} and friends, which fire in every traced process), the event, and for
 * FUNCTION/RETURN the one function name (wildcards are expanded before this), for STATEMENT
 * the link-time address in {@code path}. {@link #descriptor()} is both the text the runtime
 * parses (docs/bytecode.md, "process probe descriptors") and what pp() prints.
 */
public record UserPoint(String path, Event event, String function, long address) {

    public enum Event {
        FUNCTION("", ProbeKind.PROCESS_FUNCTION), RETURN(".return", ProbeKind.PROCESS_FUNCTION),
        STATEMENT(".absolute", ProbeKind.PROCESS_STATEMENT), BEGIN(".begin", ProbeKind.PROCESS_BEGIN),
        END(".end", ProbeKind.PROCESS_END), THREAD_BEGIN(".thread.begin", ProbeKind.THREAD_BEGIN),
        THREAD_END(".thread.end", ProbeKind.THREAD_END), SYSCALL(".syscall", ProbeKind.PROCESS_SYSCALL),
        SYSCALL_RETURN(".syscall.return", ProbeKind.PROCESS_SYSCALL_RETURN);

        private final String suffix;
        private final ProbeKind kind;

        Event(String suffix, ProbeKind kind) {
            this.suffix = suffix;
            this.kind = kind;
        }
    }

    /**
     * This point as a typed probe record, {@link #descriptor()} as its pp(); {@code absolute}: a
     * statement's ".absolute" was written (its pp() always says it).
     */
    public ProbeRecord record(boolean absolute) {
        return switch (event) {
            case FUNCTION, RETURN -> ProbeRecord.processFunction(descriptor(), path, function, event == Event.RETURN);
            case STATEMENT -> ProbeRecord.processStatement(descriptor(), path, address, absolute);
            default -> ProbeRecord.processEvent(event.kind, descriptor(), path);
        };
    }

    public String descriptor() {
        StringBuilder sb = new StringBuilder("process");
        if (path != null) {
            sb.append("(\"").append(path).append("\")");
        }
        switch (event) {
            case FUNCTION, RETURN -> sb.append(".function(\"").append(function).append("\")");
            case STATEMENT -> sb.append(".statement(0x").append(Long.toHexString(address)).append(')');
            default -> { }
        }
        return sb.append(event.suffix).toString();
    }
}
