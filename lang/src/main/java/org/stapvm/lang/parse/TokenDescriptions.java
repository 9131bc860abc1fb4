package org.stapvm.lang.parse;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.stapvm.lang.diag.TokenDescription;
import org.stapvm.lang.grammar.StapLexer;

/** How SystemTap names a token in "saw: ..." and "expected ..." lines. */
final class TokenDescriptions {
    private TokenDescriptions() {}

    static boolean isKeyword(int type) {
        return type >= StapLexer.PROBE && type <= StapLexer.LONG;
    }

    /** How "saw:" names a token: stap's own wording, shared with the preprocessor. */
    static String saw(Token t) {
        return TokenDescription.describe(t);
    }

    /** The text of a token type in an "expected" list: 'probe', ')', identifier ... */
    static String expected(int type) {
        switch (type) {
            case StapLexer.IDENT: return "identifier";
            case StapLexer.NUMBER: return "number";
            case StapLexer.STRING_LIT: return "literal string";
            case StapLexer.TARGET_SYMBOL: return "target symbol";
            case StapLexer.EMBEDDED: return "'%{'";
            default:
                Vocabulary vocabulary = StapLexer.VOCABULARY;
                String literal = vocabulary.getLiteralName(type);
                return literal != null ? literal : vocabulary.getSymbolicName(type);
        }
    }
}
