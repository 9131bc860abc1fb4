package org.stapvm.lang;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.grammar.StapLexer;

/** Splits a source file into its significant tokens (comments and blanks dropped, EOF left out). */
public final class Lexing {
    private Lexing() {}

    public static List<Token> tokens(SourceFile file) {
        StapLexer lexer = new StapLexer(CharStreams.fromString(file.text(), file.name()));
        lexer.removeErrorListeners(); // every character becomes some token (JUNK at worst)
        List<Token> out = new ArrayList<>();
        for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
            if (t.getChannel() == Token.DEFAULT_CHANNEL) {
                out.add(t);
            }
        }
        return out;
    }
}
