package org.stapvm.lang.diag;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.SourcePos;

/**
 * One user-facing problem, from any pass (parse, preprocess, elaborate, translate), in
 * SystemTap's shape. {@code token} describes the offending token ("identifier 'x'", "operator
 * '}'"), or is null: for a lexical problem of pass 1 (stap prints {@code at: junk '' at ...}) or
 * a message without a place. At the end of input {@code pos} is null and {@code token} is
 * "FILE EOF". {@code related} is an optional second location (the declaration an arity error
 * refers to); {@code chain} holds follow-up errors ("type was first inferred here"). The text is
 * made by {@link DiagnosticReport}, the one renderer.
 */
public record Diagnostic(Kind kind, String message, String token, SourcePos pos, String sourceLine,
                         Place related, List<Diagnostic> chain) {

    /** What stap calls the problem, and in which pass's shape it is printed. */
    public enum Kind {
        /** Pass 1: the grammar, the preprocessor, script arguments. */
        PARSE_ERROR("parse error", true, true),
        /** Pass 1's preprocessor (conditionals, macros): stap prints the token it names as "at:", not "saw:". */
        PREPROCESSOR_ERROR("parse error", true, true),
        /** Pass 1's warnings (a preprocessor @define redefined, a library macro file skipped). */
        PARSE_WARNING("WARNING", true, false),
        /** A file that cannot be read at all ("error: Input file ... can't be opened"). */
        FILE_ERROR("error", true, true),
        /** Passes 2 and 3. */
        SEMANTIC_ERROR("semantic error", false, true),
        SEMANTIC_WARNING("WARNING", false, false);

        /** The word stap starts the message with. */
        public final String label;
        /** Printed in pass 1's shape ({@code saw: ... at}, {@code source:} under a 5-space margin). */
        public final boolean pass1;
        public final boolean error;

        Kind(String label, boolean pass1, boolean error) {
            this.label = label;
            this.pass1 = pass1;
            this.error = error;
        }
    }

    /** A secondary location: token description, position and its source line. */
    public record Place(String token, SourcePos pos, String sourceLine) {}

    public Diagnostic {
        chain = List.copyOf(chain);
    }

    /** A problem with one place (or none) and nothing chained. */
    public static Diagnostic of(Kind kind, String message, String token, SourcePos pos, String sourceLine) {
        return new Diagnostic(kind, message, token, pos, sourceLine, null, List.of());
    }

    public static Diagnostic parseError(String message, String token, SourcePos pos, String sourceLine) {
        return of(Kind.PARSE_ERROR, message, token, pos, sourceLine);
    }

    public static Diagnostic preprocessorError(String message, String token, SourcePos pos, String sourceLine) {
        return of(Kind.PREPROCESSOR_ERROR, message, token, pos, sourceLine);
    }

    public boolean isError() {
        return kind.error;
    }

    /** The same problem with a second location printed under the first. */
    public Diagnostic withRelated(Place place) {
        return new Diagnostic(kind, message, token, pos, sourceLine, place, chain);
    }

    /** The same problem followed by a chained error printed after it. */
    public Diagnostic withChain(Diagnostic next) {
        List<Diagnostic> all = new ArrayList<>(chain);
        all.add(next);
        return new Diagnostic(kind, message, token, pos, sourceLine, related, all);
    }

    /** This problem alone, as it would open a report, ending with a newline. */
    public String render() {
        return DiagnosticReport.one(this);
    }
}
