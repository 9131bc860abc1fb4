package org.stapvm.lang.diag;

import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.grammar.StapLexer;

/** Token facts in SystemTap's terms: its token kinds, how errors describe a token, string contents. */
public final class TokenDescription {
    private TokenDescription() {}

    /** stap's token kinds (tt2str), which error messages print. */
    public enum Kind {
        IDENTIFIER("identifier"), KEYWORD("keyword"), OPERATOR("operator"), STRING("string"),
        NUMBER("number"), EMBEDDED("embedded-code"), JUNK("junk");

        final String word;

        Kind(String word) {
            this.word = word;
        }
    }

    public static Kind kind(Token t) {
        switch (t.getType()) {
            case StapLexer.IDENT, StapLexer.TARGET_SYMBOL, StapLexer.DOLLAR2, StapLexer.DOLLAR,
                 StapLexer.DOLLAR_ARG, StapLexer.DOLLAR_ARGC:
                return Kind.IDENTIFIER; // stap lexes '$'-words as identifiers
            case StapLexer.NUMBER:
                return Kind.NUMBER;
            case StapLexer.STRING_LIT:
                return Kind.STRING;
            case StapLexer.EMBEDDED:
                return Kind.EMBEDDED;
            case StapLexer.JUNK, StapLexer.UNTERMINATED_STRING, StapLexer.UNTERMINATED_EMBEDDED,
                 StapLexer.UNTERMINATED_COMMENT:
                return Kind.JUNK;
            default:
                // Keywords are exactly the tokens whose literal is a lowercase word ("'probe'").
                String literal = StapLexer.VOCABULARY.getLiteralName(t.getType());
                return literal != null && literal.matches("'[a-z]+'") ? Kind.KEYWORD : Kind.OPERATOR;
        }
    }

    /** Whether {@code word} lexes as one of stap's keywords ("return", "function", ...). */
    public static boolean isKeyword(String word) {
        String literal = "'" + word + "'";
        for (int type = 1; type <= StapLexer.VOCABULARY.getMaxTokenType(); type++) {
            if (literal.equals(StapLexer.VOCABULARY.getLiteralName(type))) {
                return word.matches("[a-z]+");
            }
        }
        return false;
    }

    /** "identifier 'foo'", "string 'x'", "keyword": how stap names a token after "saw:"/"at:". */
    public static String describe(Token t) {
        Kind kind = kind(t);
        if (kind == Kind.KEYWORD || kind == Kind.EMBEDDED) {
            return kind.word;
        }
        String content = kind == Kind.STRING ? stringContent(t) : t.getText();
        StringBuilder out = new StringBuilder(kind.word).append(" '");
        for (char c : content.toCharArray()) {
            out.append(c >= 32 && c < 127 ? c : '?');
        }
        return out.append('\'').toString();
    }

    /**
     * A string literal's content as stap's lexer keeps it: quotes stripped; escapes C understands
     * stay escaped ("\n" is backslash, n); any other escaped character stands for itself.
     */
    public static String stringContent(Token t) {
        String text = t.getText();
        String body = text.substring(1, text.endsWith("\"") && text.length() > 1 ? text.length() - 1 : text.length());
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                char e = body.charAt(++i);
                if ("xabtnvfr01234567\\".indexOf(e) >= 0) {
                    out.append('\\');
                }
                out.append(e);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }


    public static SourcePos pos(Token t) {
        return new SourcePos(sourceName(t), t.getLine(), t.getCharPositionInLine() + 1);
    }

    public static String sourceName(Token t) {
        CharStream in = t.getInputStream();
        if (in != null) {
            return in.getSourceName();
        }
        return t.getTokenSource() != null ? t.getTokenSource().getSourceName() : "<input>";
    }
}
