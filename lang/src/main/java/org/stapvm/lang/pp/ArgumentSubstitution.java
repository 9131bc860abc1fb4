package org.stapvm.lang.pp;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.grammar.StapLexer;
import org.stapvm.lang.parse.LexicalError;

/**
 * Pastes the script arguments into the source as stap's lexer does, before anything reads the
 * tokens: {@code $N} becomes the text of argument N (so {@code 5+5} is an expression and a word
 * an identifier), {@code @N} that text as a string literal, {@code $#} the argument count and
 * {@code @#} the count as a string. The pasted text joins its neighbours ({@code $1x} with
 * {@code a} is the identifier {@code ax}); every token starting in it stands where the {@code $N}
 * was. An index out of range, or a {@code $N} inside an argument, is a junk token with stap's message.
 */
public final class ArgumentSubstitution {
    private ArgumentSubstitution() {}

    /** {@code tokens}: {@code file}'s default-channel tokens as {@link org.stapvm.lang.Lexing#tokens} gives them. */
    public static List<Token> apply(SourceFile file, List<Token> tokens, List<String> args) {
        if (tokens.stream().noneMatch(ArgumentSubstitution::isArgument)) {
            return tokens;
        }
        String text = file.text();
        StringBuilder pasted = new StringBuilder();
        List<Token> origin = new ArrayList<>();   // per pasted char: the $N it came from, or null
        List<Integer> offset = new ArrayList<>(); // per char of the source's own text: its offset there
        List<Integer> starts = new ArrayList<>(); // where each pasted argument starts
        int from = 0;
        for (Token t : tokens) {
            String value = isArgument(t) ? value(t, args) : null;
            if (value == null) {
                continue;
            }
            copy(text, from, t.getStartIndex(), pasted, origin, offset);
            starts.add(pasted.length());
            for (int i = 0; i < value.length(); i++) {
                pasted.append(value.charAt(i));
                origin.add(t);
                offset.add(-1);
            }
            from = t.getStopIndex() + 1;
        }
        copy(text, from, text.length(), pasted, origin, offset);
        starts.add(pasted.length());
        return relex(file, pasted.toString(), starts, origin, offset, args.size());
    }

    /**
     * Which script arguments {@code tokens} name with $N or @N (bit N-1), as stap's lexer marks
     * them used: wherever the token stands, a skipped preprocessor branch too ($# names none).
     */
    public static java.util.BitSet referenced(List<Token> tokens) {
        java.util.BitSet used = new java.util.BitSet();
        for (Token t : tokens) {
            if (t.getType() == StapLexer.DOLLAR_ARG || t.getType() == StapLexer.AT_ARG) {
                int n = index(t.getText());
                if (n >= 1) {
                    used.set(n - 1);
                }
            }
        }
        return used;
    }

    private static boolean isArgument(Token t) {
        int type = t.getType();
        return type == StapLexer.DOLLAR_ARG || type == StapLexer.AT_ARG || type == StapLexer.DOLLAR_ARGC
                || type == StapLexer.AT_ARGC;
    }

    /** The text pasted for an argument token, or null when it is out of range (left as it is). */
    private static String value(Token t, List<String> args) {
        boolean quoted = t.getType() == StapLexer.AT_ARG || t.getType() == StapLexer.AT_ARGC;
        String value;
        if (t.getType() == StapLexer.DOLLAR_ARGC || t.getType() == StapLexer.AT_ARGC) {
            value = Integer.toString(args.size());
        } else {
            int n = index(t.getText());
            if (n < 1 || n > args.size()) {
                return null;
            }
            value = args.get(n - 1);
        }
        return quoted ? quote(value) : value;
    }

    private static int index(String text) {
        try {
            return Integer.parseInt(text.substring(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** stap's lex_cast_qstring: in double quotes, with '"' and '\' escaped. */
    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void copy(String text, int from, int to, StringBuilder pasted, List<Token> origin, List<Integer> offset) {
        for (int i = from; i < to; i++) {
            pasted.append(text.charAt(i));
            origin.add(null);
            offset.add(i);
        }
    }

    /**
     * Lexes the pasted text; each token gets the line and column of the source char it starts at.
     * stap pastes an argument when a token starts with $N, so a token ends where an argument
     * starts ($1$2 is two tokens) but may run on from an argument into the source text after it.
     */
    private static List<Token> relex(SourceFile file, String pasted, List<Integer> starts, List<Token> origin,
                                     List<Integer> offset, int argCount) {
        int[] lineOf = new int[file.text().length() + 1];
        int[] columnOf = new int[file.text().length() + 1];
        int line = 1;
        int column = 0;
        for (int i = 0; i < file.text().length(); i++) {
            lineOf[i] = line;
            columnOf[i] = column;
            if (file.text().charAt(i) == '\n') {
                line++;
                column = 0;
            } else {
                column++;
            }
        }
        List<Token> out = new ArrayList<>();
        int pieceStart = 0;
        for (int pieceEnd : starts) {
            StapLexer lexer = new StapLexer(CharStreams.fromString(pasted.substring(pieceStart, pieceEnd), file.name()));
            lexer.removeErrorListeners();
            for (Token t = lexer.nextToken(); t.getType() != Token.EOF; t = lexer.nextToken()) {
                if (t.getChannel() != Token.DEFAULT_CHANNEL) {
                    continue;
                }
                CommonToken placed = new CommonToken(t);
                int start = pieceStart + t.getStartIndex();
                Token from = origin.get(start);
                if (from != null) {
                    placed.setLine(from.getLine());
                    placed.setCharPositionInLine(from.getCharPositionInLine());
                } else {
                    placed.setLine(lineOf[offset.get(start)]);
                    placed.setCharPositionInLine(columnOf[offset.get(start)]);
                }
                out.add(junk(placed, from != null, argCount));
            }
            pieceStart = pieceEnd;
        }
        return out;
    }

    /** An argument token still here was out of range, or came from inside an argument. */
    private static Token junk(CommonToken t, boolean pasted, int argCount) {
        if (t.getType() != StapLexer.DOLLAR_ARG && t.getType() != StapLexer.AT_ARG
                && (!pasted || !isArgument(t))) {
            return t;
        }
        return new LexicalError(t, pasted ? "invalid nested substitution of command line arguments"
                : "command line argument out of range [1-" + argCount + "]");
    }
}
