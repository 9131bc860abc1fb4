package org.stapvm.lang.parse;

import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.ast.SourcePos;

/** Source positions of tokens and rules: file, 1-based line and column. */
final class Positions {
    private Positions() {}

    static SourcePos pos(ParserRuleContext ctx) {
        return pos(ctx.getStart());
    }

    static SourcePos pos(Token t) {
        return new SourcePos(t.getTokenSource().getSourceName(), t.getLine(), t.getCharPositionInLine() + 1);
    }
}
