package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;
import org.stapvm.lang.grammar.StapLexer;
import org.stapvm.lang.grammar.StapParser;

/** Words a grammar failure the way SystemTap's parser words the same mistake. */
final class SyntaxErrors {
    private SyntaxErrors() {}

    private static final IntervalSet ARRAY_OR_HISTOGRAM =
            new IntervalSet(StapLexer.IDENT, StapLexer.AT_HIST_LINEAR, StapLexer.AT_HIST_LOG);

    private static final String TOP_LEVEL = "expected 'probe', 'global', 'private', 'function', or '%{'";

    /** Lexical tokens that carry their own message, or null. */
    static String lexical(Token t) {
        if (t instanceof LexicalError e) {
            return e.message();
        }
        return switch (t.getType()) {
            case StapLexer.UNTERMINATED_STRING -> "Could not find matching closing quote";
            case StapLexer.UNTERMINATED_EMBEDDED -> "Could not find matching '%}' to close embedded function block";
            default -> null;
        };
    }

    static String message(RecognitionException e, Token offending, TokenStream tokens) {
        if (offending.getType() == StapLexer.AT_NAME) {
            return "unknown operator " + offending.getText();
        }
        IntervalSet expected = e.getExpectedTokens();
        if (expected == null || expected.isNil()) {
            return "expected statement";
        }
        if (e.getCtx() instanceof StapParser.FunctionDeclContext) {
            String f = functionHead(expected, offending, tokens);
            if (f != null) {
                return f;
            }
        }
        if ((e.getCtx() instanceof StapParser.GlobalDeclContext || e.getCtx() instanceof StapParser.GlobalVarContext)
                && offending.getType() == Token.EOF) {
            return "unexpected end-of-file";
        }
        if (offending.getType() != Token.EOF && expected.contains(StapLexer.LBRACE) && inProbePoints(e.getCtx())) {
            // after a probe point stap reads on from its own set, '}' included
            return "expected one of ', { } = +='";
        }
        if (expected.contains(StapLexer.PROBE) && expected.contains(StapLexer.FUNCTION)) {
            return TOP_LEVEL;
        }
        if (expected.contains(StapLexer.IF) || expected.equals(IntervalSet.of(StapLexer.RBRACE))) {
            // At a statement boundary SystemTap starts a new expression statement and fails on
            // its first operand; only the end of input reads as a missing statement.
            return offending.getType() == Token.EOF ? "expected statement" : "expected literal string or number";
        }
        if (expected.equals(ARRAY_OR_HISTOGRAM)) {
            return "expected identifier or statistical operation";
        }
        if (expected.contains(StapLexer.NUMBER) && expected.contains(StapLexer.STRING_LIT)) {
            return "expected literal string or number";
        }
        if (expected.equals(IntervalSet.of(StapLexer.RPAREN)) && tokens.get(offending.getTokenIndex() - 1).getType() != StapLexer.LPAREN) {
            // A list was being read and the ',' that would continue it is also fine here.
            if (e.getCtx() instanceof StapParser.CallExprContext || inCallArguments(e.getCtx(), tokens)) {
                return "expected one of ', )'";
            }
            if (e.getCtx() instanceof StapParser.FunctionDeclContext) {
                return "expected ',' or ')'";
            }
        }
        List<String> names = new ArrayList<>();
        for (int type : expected.toList()) {
            if (type != Token.EOF) {
                names.add(TokenDescriptions.expected(type));
            }
        }
        return names.size() > 6 ? "expected expression" : "expected " + joinAlternatives(names);
    }

    /**
     * Whether {@code ctx} is (inside) an argument expression of a call whose ')' is missing. A name
     * followed by '(' is always a call to stap; ANTLR, failing the call, may have read the name as
     * a statement and the '(' as a parenthesis.
     */
    private static boolean inCallArguments(org.antlr.v4.runtime.RuleContext ctx, TokenStream tokens) {
        org.antlr.v4.runtime.RuleContext c = ctx;
        while (c != null && !(c instanceof StapParser.CallExprContext)) {
            if (c instanceof StapParser.ParenExprContext p) {
                int i = p.start.getTokenIndex() - 1;
                while (i >= 0 && tokens.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
                    i--;
                }
                return i >= 0 && tokens.get(i).getType() == StapLexer.IDENT;
            }
            if (!(c instanceof StapParser.ExpressionContext || c instanceof StapParser.PrimaryContext
                    || c instanceof StapParser.LiteralContext || c instanceof StapParser.StringLiteralContext)) {
                return false;
            }
            c = c.parent;
        }
        return c != null;
    }

    /**
     * stap's words in a function's head, or null: a body that is not there is a missing '{' (its
     * embedded C goes unmentioned), and the first parameter is an identifier (or no parameter: ')').
     */
    private static String functionHead(IntervalSet expected, Token offending, TokenStream tokens) {
        if (expected.contains(StapLexer.LBRACE) && expected.contains(StapLexer.EMBEDDED)) {
            return "expected '{'";
        }
        int before = offending.getTokenIndex() - 1;
        while (before >= 0 && tokens.get(before).getChannel() != Token.DEFAULT_CHANNEL) {
            before--;
        }
        if (before >= 0 && tokens.get(before).getType() == StapLexer.LPAREN && expected.contains(StapLexer.RPAREN)) {
            return "expected identifier";
        }
        return null;
    }

    /** Whether {@code ctx} is a probe declaration's head: its probe points, before any body. */
    private static boolean inProbePoints(org.antlr.v4.runtime.RuleContext ctx) {
        for (org.antlr.v4.runtime.RuleContext c = ctx; c != null; c = c.parent) {
            if (c instanceof StapParser.BlockContext || c instanceof StapParser.ExpressionContext) {
                return false;
            }
            if (c instanceof StapParser.ProbeDeclContext) {
                return true;
            }
        }
        return false;
    }

    /** 'a' / 'a' or 'b' / 'a', 'b', or 'c' */
    static String joinAlternatives(List<String> names) {
        if (names.size() <= 2) {
            return String.join(" or ", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + ", or " + names.get(names.size() - 1);
    }

    static String topLevel() {
        return TOP_LEVEL;
    }
}
