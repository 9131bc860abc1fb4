package org.stapvm.compiler.sema;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.diag.Caret;

/**
 * The stderr text of pass 2, exactly as stap prints it: errors use an 8-space
 * {@code "        source: "} prefix and end with a blank line, warnings a 1-space
 * {@code " source: "} and no blank line; a position shows its file only when it differs from
 * the previous position printed; repeated messages are suppressed and counted.
 *
 * <p>stap keys an error for suppression by the place in its own source that raised it
 * ({@code semantic_error::errsrc_chain}), not by its text: a second "type mismatch: expected
 * ..." or "unresolved type" anywhere in the script is suppressed even at another token.
 * {@link #kind} stands for that place: the message with its names, types and numbers blanked.
 */
public final class SemaReport {
    private static final String ERROR_SOURCE = "        source: ";
    private static final String WARNING_SOURCE = " source: ";

    private final StringBuilder out = new StringBuilder();
    private final Set<String> seenErrors = new HashSet<>();
    private final Set<String> seenWarnings = new HashSet<>();
    private String lastFile = null;

    private SemaReport() {}

    /** Renders every diagnostic, then stap's pass-2 failure line if any is an error. */
    public static String render(List<SemaDiagnostic> diagnostics, boolean verbose) {
        return render(diagnostics, verbose, 2);
    }

    /** The same for errors found in {@code pass} (2: analysis, 3: translation). */
    public static String render(List<SemaDiagnostic> diagnostics, boolean verbose, int pass) {
        return render(diagnostics, verbose, pass, false);
    }

    /** The report of a pass that failed on warnings alone (-W turns each warning into a failure). */
    public static String renderFailed(List<SemaDiagnostic> diagnostics, boolean verbose, int pass) {
        return render(diagnostics, verbose, pass, true);
    }

    private static String render(List<SemaDiagnostic> diagnostics, boolean verbose, int pass, boolean warningsFail) {
        List<org.stapvm.lang.diag.Diagnostic> parse = diagnostics.stream()
                .filter(d -> d.severity() == SemaDiagnostic.Severity.PARSE_ERROR)
                .map(d -> org.stapvm.lang.diag.Diagnostic.parseError(d.message(), d.token(), d.pos(), d.sourceLine()))
                .toList();
        if (!parse.isEmpty()) {
            // stap substitutes script arguments while parsing: such errors end the run at pass 1.
            return org.stapvm.lang.diag.ParseReport.render(parse, verbose);
        }
        SemaReport report = new SemaReport();
        boolean failed = warningsFail && !diagnostics.isEmpty();
        for (SemaDiagnostic d : diagnostics) {
            failed |= d.isError();
            if (verbose || !repeated(d, report.seenErrors, report.seenWarnings)) {
                report.one(d);
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
    public static String trailer(List<SemaDiagnostic> diagnostics, boolean verbose) {
        if (verbose) {
            return "";
        }
        Set<String> seenErrors = new HashSet<>();
        Set<String> seenWarnings = new HashSet<>();
        int errors = 0;
        int warnings = 0;
        for (SemaDiagnostic d : diagnostics) {
            if (d.severity() != SemaDiagnostic.Severity.PARSE_ERROR && repeated(d, seenErrors, seenWarnings)) {
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

    private static boolean repeated(SemaDiagnostic d, Set<String> seenErrors, Set<String> seenWarnings) {
        return d.isError() ? !seenErrors.add(kind(d)) : !seenWarnings.add(d.message());
    }

    /** What stands for the stap source line that raised an error, with its chain (see above). */
    static String kind(SemaDiagnostic d) {
        StringBuilder k = new StringBuilder(d.message()
                .replaceAll("^unresolved function \\S+", "unresolved function")
                .replaceAll("\\(similar:.*", "")
                .replaceAll("'[^']*'", "''")
                .replaceAll("\\b(long|string|stats)\\b", "T")
                .replaceAll("\\d+", "N"));
        for (SemaDiagnostic next : d.chain()) {
            k.append('|').append(kind(next));
        }
        return k.toString();
    }

    /** One diagnostic alone, as it would open a report. */
    public static String renderOne(SemaDiagnostic d) {
        SemaReport report = new SemaReport();
        report.one(d);
        return report.out.toString();
    }

    private void one(SemaDiagnostic d) {
        boolean error = d.isError();
        String prefix = error ? ERROR_SOURCE : WARNING_SOURCE;
        out.append(error ? "semantic error: " : "WARNING: ").append(d.message());
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
        for (SemaDiagnostic next : d.chain()) {
            one(next);
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
