package org.stapvm.lang.diag;

/** The one "source:" line and caret under it that every stap diagnostic ends with. */
public final class Caret {
    private Caret() {}

    /**
     * Appends {@code prefix} + the source line, then a caret under {@code column} (1-based);
     * tabs are kept in the padding so the caret lines up under tab-indented source.
     */
    public static void append(StringBuilder out, String prefix, String sourceLine, int column) {
        out.append(prefix).append(sourceLine).append('\n');
        out.append(" ".repeat(prefix.length()));
        for (int i = 0; i < column - 1 && i < sourceLine.length(); i++) {
            out.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        out.append("^\n");
    }
}
