package org.stapvm.lang.parse;

import java.util.List;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;

/** A step between the lexer and the grammar (the preprocessor), reporting problems as it goes. */
@FunctionalInterface
public interface TokenPass {
    List<Token> apply(SourceFile file, List<Token> tokens, Consumer<Diagnostic> errors);

    /** Passes tokens through unchanged. */
    TokenPass NONE = (file, tokens, errors) -> tokens;
}
