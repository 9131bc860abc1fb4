package org.stapvm.lang.diag;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.stapvm.lang.ast.SourcePos;

/**
 * The one renderer of {@link Diagnostic}s: the stderr text of a failed pass, exactly as stap
 * prints it.
 * <ul>
 * <li>Pass 1: {@code saw: TOKEN at FILE:L:C} and a 5-space {@code "     source: "} margin; each
 *     distinct message once unless verbose, then "N parse error(s)." and the failure line.</li>
 * <li>Passes 2 and 3: errors use an 8-space {@code "        source: "} margin and end with a
 *     blank line, warnings a 1-space {@code " source: "} and no blank line; a position shows its
 *     file only when it differs from the previous position printed; repeated messages are
 *     suppressed and counted.</li>
 * </ul>
 * stap keys a pass-2 error for suppression by the place in its own source that raised it
 * ({@code semantic_error::errsrc_chain}), not by its text: a second "type mismatch: expected ..."
 * or "unresolved type" anywhere in the script is suppressed even at another token. {@link #kind}
 * stands for that place: the message with its names, types and numbers blanked.
 */
public final class DiagnosticReport {
    private static final String PARSE_SOURCE = "     source: ";
    private static final String ERROR_SOURCE = "        source: ";
    private static final String WARNING_SOURCE = " source: ";

    private final StringBuilder out = new StringBuilder();
    private final Set<String> seenErrors = new HashSet<>();
    private final Set<String> seenWarnings = new HashSet<>();
    private String lastFile = null;

    private DiagnosticReport() {}

    /** Pass 1's report of {@code errors}, with the "Pass 1: parse failed" line. */
    public static String parse(List<Diagnostic> errors, boolean verbose) {
        return parse(errors, verbose, true);
    }

    /**
     * The same, with the failure line only when {@code failureLine} (stap's listing mode has
     * none). Each distinct message is shown once unless {@code verbose}; the total still counts
     * all, and the number suppressed is told after the failure line, as stap does.
     */
    public static String parse(List<Diagnostic> errors, boolean verbose, boolean failureLine) {
        StringBuilder out = new StringBuilder();
        Set<String> seen = new HashSet<>();
        int suppressed = 0;
        for (Diagnostic d : errors) {
            if (!verbose && !seen.add(d.message())) {
                suppressed++;
                continue;
            }
            out.append(one(d)).append('\n');
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

    /** Each diagnostic alone, in order, without a pass's summary lines (pass 1's warnings). */
    public static String each(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(DiagnosticReport::one).collect(Collectors.joining());
    }

    /** Renders every diagnostic, then stap's pass-2 failure line if any is an error. */
    public static String pass(List<Diagnostic> diagnostics, boolean verbose) {
        return pass(diagnostics, verbose, 2);
    }

    /** The same for problems found in {@code pass} (2: analysis, 3: translation). */
    public static String pass(List<Diagnostic> diagnostics, boolean verbose, int pass) {
        return pass(diagnostics, verbose, pass, false);
    }

    /** The report of a pass that failed on warnings alone (-W turns each warning into a failure). */
    public static String failedOnWarnings(List<Diagnostic> diagnostics, boolean verbose, int pass) {
        return pass(diagnostics, verbose, pass, true);
    }

    private static String pass(List<Diagnostic> diagnostics, boolean verbose, int pass, boolean warningsFail) {
        List<Diagnostic> parse = diagnostics.stream().filter(d -> d.kind().pass1 && d.isError()).toList();
        if (!parse.isEmpty()) {
            // stap substitutes script arguments while parsing: such errors end the run at pass 1.
            return parse(parse, verbose);
        }
        DiagnosticReport report = new DiagnosticReport();
        boolean failed = warningsFail && !diagnostics.isEmpty();
        for (Diagnostic d : diagnostics) {
            failed |= d.isError();
            if (verbose || !repeated(d, report.seenErrors, report.seenWarnings)) {
                report.semantic(d);
            }
        }
        if (failed) {
            report.out.append(pass == 2 ? "Pass 2: analysis failed.  [man error::pass2]\n"
                    : "Pass 3: translation failed.  [man error::pass3]\n");
            report.out.append(trailer(diagnostics, verbose));
        }
        return report.out.toString();
    }

    /**
     * stap's count of the messages it did not repeat: an error by where stap raised it ({@link
     * #kind}), a warning by its text alone (its token and position do not count).
     */
    public static String trailer(List<Diagnostic> diagnostics, boolean verbose) {
        if (verbose) {
            return "";
        }
        Set<String> seenErrors = new HashSet<>();
        Set<String> seenWarnings = new HashSet<>();
        int errors = 0;
        int warnings = 0;
        for (Diagnostic d : diagnostics) {
            if (!d.kind().pass1 && repeated(d, seenErrors, seenWarnings)) {
                if (d.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        if (errors > 0) {
            out.append("Number of similar error messages suppressed: ").append(errors).append(".\n");
        }
        if (warnings > 0) {
            out.append("Number of similar warning messages suppressed: ").append(warnings).append(".\n");
        }
        if (errors + warnings > 0) {
            out.append("Rerun with -v to see them.\n");
        }
        return out.toString();
    }

    private static boolean repeated(Diagnostic d, Set<String> seenErrors, Set<String> seenWarnings) {
        return d.isError() ? !seenErrors.add(kind(d)) : !seenWarnings.add(d.message());
    }

    /** What stands for the stap source line that raised an error, with its chain (see above). */
    static String kind(Diagnostic d) {
        StringBuilder k = new StringBuilder(d.message()
                .replaceAll("^unresolved function \\S+", "unresolved function")
                .replaceAll("\\(similar:.*", "")
                .replaceAll("'[^']*'", "''")
                .replaceAll("\\b(long|string|stats)\\b", "T")
                .replaceAll("\\d+", "N"));
        for (Diagnostic next : d.chain()) {
            k.append('|').append(kind(next));
        }
        return k.toString();
    }

    /** One diagnostic alone, as it would open a report, in its pass's shape. */
    public static String one(Diagnostic d) {
        if (d.kind().pass1) {
            return pass1(d);
        }
        DiagnosticReport report = new DiagnosticReport();
        report.semantic(d);
        return report.out.toString();
    }

    /**
     * {@code parse error: MESSAGE}, then {@code saw:} (the parser's) or {@code at:} (the preprocessor's,
     * and {@code at: junk ''} without a token) and the caret.
     */
    private static String pass1(Diagnostic d) {
        StringBuilder out = new StringBuilder();
        out.append(d.kind().label).append(": ").append(d.message()).append('\n');
        String label = d.kind() == Diagnostic.Kind.PREPROCESSOR_ERROR ? "         at: " : "        saw: ";
        if (d.pos() == null && d.token() != null) {
            out.append(label).append(d.token()).append('\n'); // "saw: FILE EOF" has no position
        } else if (d.pos() != null) {
            String what = d.token() != null ? label + d.token() : "         at: junk ''";
            out.append(what).append(" at ").append(d.pos()).append('\n');
            if (d.sourceLine() != null) {
                Caret.append(out, PARSE_SOURCE, d.sourceLine(), d.pos().column());
            }
        }
        return out.toString();
    }

    private void semantic(Diagnostic d) {
        boolean error = d.isError();
        String prefix = error ? ERROR_SOURCE : WARNING_SOURCE;
        out.append(d.kind().label).append(": ").append(d.message());
        if (d.token() != null) {
            out.append(": ");
            place(d.token(), d.pos(), d.sourceLine(), prefix);
        } else {
            out.append('\n');
        }
        if (d.related() != null) {
            place(d.related().token(), d.related().pos(), d.related().sourceLine(), prefix);
        }
        if (error) {
            out.append('\n');
        }
        for (Diagnostic next : d.chain()) {
            semantic(next);
        }
    }

    private void place(String token, SourcePos pos, String line, String prefix) {
        out.append(token);
        if (pos != null) {
            String file = pos.file().equals(lastFile) ? "" : pos.file();
            lastFile = pos.file();
            out.append(" at ").append(file).append(':').append(pos.line()).append(':').append(pos.column());
        }
        out.append('\n');
        if (pos != null && line != null) {
            Caret.append(out, prefix, line, pos.column());
        }
    }
}
