package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.lang.ast.SourcePos;

/**
 * One pass-2 problem in SystemTap's shape: a semantic error or a WARNING, naming the token it is
 * about ({@code token} like "identifier 'x'", null for messages without a place), an optional
 * second location (the declaration an arity error refers to) and chained follow-up errors
 * ("type was first inferred here"). Rendering is done by {@link SemaReport}, which, like stap,
 * prints a file name only when it differs from the last one printed.
 */
public record SemaDiagnostic(Severity severity, String message, String token, SourcePos pos, String sourceLine,
                             Place related, List<SemaDiagnostic> chain) {

    /** PARSE_ERROR: problems stap finds in pass 1 (script arguments), reported in its pass-1 shape. */
    public enum Severity { ERROR, WARNING, PARSE_ERROR }

    /** A secondary location: token description, position and its source line. */
    public record Place(String token, SourcePos pos, String sourceLine) {}

    public SemaDiagnostic {
        chain = List.copyOf(chain);
    }

    public boolean isError() {
        return severity != Severity.WARNING;
    }

    /** The same problem with a second location printed under the first. */
    public SemaDiagnostic withRelated(Place place) {
        return new SemaDiagnostic(severity, message, token, pos, sourceLine, place, chain);
    }

    /** The same problem followed by a chained error printed after it. */
    public SemaDiagnostic withChain(SemaDiagnostic next) {
        List<SemaDiagnostic> all = new java.util.ArrayList<>(chain);
        all.add(next);
        return new SemaDiagnostic(severity, message, token, pos, sourceLine, related, all);
    }
}
