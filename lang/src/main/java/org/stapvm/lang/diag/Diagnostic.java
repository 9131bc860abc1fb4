package org.stapvm.lang.diag;

import org.stapvm.lang.ast.SourcePos;

/**
 * One user-facing problem found while reading a script, in SystemTap's shape:
 * <pre>
 * parse error: expected ')'
 *         saw: identifier 'x' at f.stp:2:16
 *      source: probe end { if x }
 *                             ^
 * </pre>
 * {@code saw} describes the offending token ("identifier 'x'", "operator '}'"), or is null for
 * lexical problems, which SystemTap prints as {@code at: junk '' at ...}. At the end of input
 * {@code pos} is null and {@code saw} is "FILE EOF".
 */
public record Diagnostic(String kind, String message, String saw, SourcePos pos, String sourceLine) {

    public static Diagnostic parseError(String message, String saw, SourcePos pos, String sourceLine) {
        return new Diagnostic("parse error", message, saw, pos, sourceLine);
    }

    /** The multi-line text SystemTap prints for this problem, ending with a newline. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append(kind).append(": ").append(message).append('\n');
        if (pos == null && saw != null) {
            out.append("        saw: ").append(saw).append('\n'); // "saw: FILE EOF" has no position
        } else if (pos != null) {
            String what = saw != null ? "        saw: " + saw : "         at: junk ''";
            out.append(what).append(" at ").append(pos).append('\n');
            if (sourceLine != null) {
                Caret.append(out, "     source: ", sourceLine, pos.column());
            }
        }
        return out.toString();
    }
}
