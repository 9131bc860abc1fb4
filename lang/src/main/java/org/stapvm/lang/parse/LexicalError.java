package org.stapvm.lang.parse;

import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.grammar.StapLexer;

/**
 * A junk token that carries its own message (stap's tok_junk kinds): no rule accepts it, so the
 * parse stops there and prints {@code parse error: MESSAGE} with {@code at: junk ''}.
 */
public final class LexicalError extends CommonToken {
    private final String message;

    public LexicalError(Token at, String message) {
        super(at);
        setType(StapLexer.JUNK);
        this.message = message;
    }

    public String message() {
        return message;
    }
}
