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
        FUNCTION(""), RETURN(".return"), STATEMENT(".absolute"), BEGIN(".begin"), END(".end"),
        THREAD_BEGIN(".thread.begin"), THREAD_END(".thread.end"), SYSCALL(".syscall"),
        SYSCALL_RETURN(".syscall.return");

        private final String suffix;

        Event(String suffix) {
            this.suffix = suffix;
        }
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
