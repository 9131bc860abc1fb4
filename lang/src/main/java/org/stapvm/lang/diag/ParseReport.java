package org.stapvm.lang.diag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The whole stderr report of a failed pass 1, in SystemTap's words and order. */
public final class ParseReport {
    private ParseReport() {}

    /**
     * Each distinct message is shown once unless {@code verbose}; the total still counts all,
     * and the number suppressed is told after the failure line, as stap does.
     */
    public static String render(List<Diagnostic> errors, boolean verbose) {
        return render(errors, verbose, true);
    }

    /** The same, with the "Pass 1: parse failed" line only when {@code failureLine} (stap's listing mode has none). */
    public static String render(List<Diagnostic> errors, boolean verbose, boolean failureLine) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new HashSet<>();
        int suppressed = 0;
        for (Diagnostic d : errors) {
            if (!verbose && !seen.add(d.message())) {
                suppressed++;
                continue;
            }
            out.append(d.render()).append('\n');
        }
        out.append(errors.size()).append(errors.size() == 1 ? " parse error.\n" : " parse errors.\n");
        if (failureLine) {
            out.append("Pass 1: parse failed.  [man error::pass1]\n");
        }
        if (suppressed > 0) {
            out.append("Number of similar error messages suppressed: ").append(suppressed).append(".\n");
            out.append("Rerun with -v to see them.\n");
        }
        return out.toString();
    }
}
