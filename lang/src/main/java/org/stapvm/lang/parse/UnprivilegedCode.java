package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.diag.Diagnostic;

/**
 * stap's pass-1 refusal of embedded C in a user script without -g: each top-level {@code %{ %}}
 * block and each function with an embedded-C body is the parse error "embedded code in
 * unprivileged script; need stap -g" at its {@code %{}. (With -g stapvm still refuses embedded
 * C, in pass 2, with its own reason.) Embedded expressions are left to pass 2: stap's recovery
 * after them reports errors of its own.
 */
public final class UnprivilegedCode {
    private static final String MESSAGE = "embedded code in unprivileged script; need stap -g";

    private UnprivilegedCode() {}

    public static List<Diagnostic> errors(Script script, SourceFile file) {
        List<Diagnostic> out = new ArrayList<>();
        for (Declaration d : script.declarations()) {
            SourcePos at = d instanceof Declaration.Embedded e ? e.pos()
                    : d instanceof Declaration.Function f ? f.embeddedPos() : null;
            if (at != null && at.file().equals(file.name())) {
                out.add(Diagnostic.parseError(MESSAGE, "embedded-code", at, file.line(at.line())));
            }
        }
        return out;
    }
}
