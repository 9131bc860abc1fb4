package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;
import org.stapvm.lang.PrintFormat;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.StatOp;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.ast.TargetStep;
import org.stapvm.lang.ast.UnaryOp;
import org.stapvm.lang.grammar.StapParser;
import org.stapvm.lang.grammar.StapParserBaseVisitor;

/**
 * Turns one parsed declaration into immutable AST nodes: one method per labelled alternative of
 * StapParser.g4. Literal problems the grammar cannot see (a number out of range) are reported
 * through {@code literalError} with the offending token.
 */
/**
 * Turns parsed expressions and literals into immutable AST nodes: one method per labelled
 * alternative of StapParser.g4's expression, primary, target and literal rules. Literal problems
 * the grammar cannot see (a number out of range) are reported through {@code literalError}.
 */
final class ExpressionBuilder extends StapParserBaseVisitor<Object> {
    private final BiConsumer<String, Token> literalError;
    private final UnaryOperator<Token> next;

    /** @param next the token the grammar reads after a given one */
    ExpressionBuilder(BiConsumer<String, Token> literalError, UnaryOperator<Token> next) {
        this.literalError = literalError;
        this.next = next;
    }

    Expression expr(StapParser.ExpressionContext ctx) {
        return (Expression) visit(ctx);
    }

    Expression exprOrNull(StapParser.ExpressionContext ctx) {
        return ctx == null ? null : expr(ctx);
    }

    @Override
    public Object visitPrimaryExpr(StapParser.PrimaryExprContext ctx) {
        return visit(ctx.primary());
    }

    /**
     * expr->member: SystemTap's autocast. Steps after a target expression extend it, so
     * "$p->a->b" is one Target however it was grouped.
     */
    @Override
    public Object visitMemberExpr(StapParser.MemberExprContext ctx) {
        String name = ctx.fieldName().getText();
        int dollars = trailingDollars(name);
        TargetStep step = new TargetStep.Member(pos(ctx.ARROW().getSymbol()), name.substring(0, name.length() - dollars));
        return step(expr(ctx.expression()), step, ctx.pretty != null ? ctx.pretty.getText().length() : dollars);
    }

    /** name[k1, k2] is an array element; [i] after any other value indexes it (autocast). */
    @Override
    public Object visitIndexExpr(StapParser.IndexExprContext ctx) {
        List<Expression> keys = indexList(ctx.indexList());
        int pretty = ctx.pretty == null ? 0 : ctx.pretty.getText().length();
        if (ctx.expression() instanceof StapParser.PrimaryExprContext p
                && p.primary() instanceof StapParser.SymbolExprContext symbol && pretty == 0) {
            return new Expression.ArrayElement(pos(ctx), symbol.IDENT().getText(), keys);
        }
        if (keys.size() != 1 || keys.get(0) instanceof Expression.Wildcard) {
            literalError.accept("expected one index", ctx.LBRACK().getSymbol());
        }
        if (ctx.expression() instanceof StapParser.PrimaryExprContext p
                && p.primary() instanceof StapParser.HistogramExprContext && pretty == 0) {
            return new Expression.HistBucket(pos(ctx), expr(ctx.expression()), keys.get(0));
        }
        return step(expr(ctx.expression()), new TargetStep.Index(pos(ctx.LBRACK().getSymbol()), keys.get(0)), pretty);
    }

    private static Expression step(Expression base, TargetStep step, int pretty) {
        if (base instanceof Expression.Target t && !t.addressOf() && t.prettyDollars() == 0) {
            List<TargetStep> all = new ArrayList<>(t.steps());
            all.add(step);
            return new Expression.Target(t.pos(), false, t.base(), all, pretty);
        }
        return new Expression.Target(base.pos(), false, new TargetBase.Autocast(base), List.of(step), pretty);
    }

    /** How many '$' (at most two) end a name: $var$ and field$$ ask for pretty printing. */
    private static int trailingDollars(String name) {
        int n = 0;
        while (n < name.length() - 1 && name.charAt(name.length() - 1 - n) == '$') {
            n++;
        }
        return Math.min(n, 2);
    }

    @Override
    public Object visitPostIncrement(StapParser.PostIncrementContext ctx) {
        if (ctx.expression() instanceof StapParser.PostIncrementContext) {
            // stap takes one postfix ++/--: a second starts a prefix ++ whose operand is missing
            literalError.accept("expected literal string or number", next.apply(ctx.op));
        }
        return new Expression.IncDec(pos(ctx.op), ctx.op.getType() == StapParser.INC, false, expr(ctx.expression()));
    }

    @Override
    public Object visitPreIncrement(StapParser.PreIncrementContext ctx) {
        return new Expression.IncDec(pos(ctx), ctx.op.getType() == StapParser.INC, true, expr(ctx.expression()));
    }

    /** '&' takes the address of a target expression (or an autocast value); the others are arithmetic. */
    @Override
    public Object visitUnaryExpr(StapParser.UnaryExprContext ctx) {
        Expression operand = expr(ctx.expression());
        if (ctx.op.getType() != StapParser.AMP) {
            return new Expression.Unary(pos(ctx), UnaryOp.of(ctx.op.getText()), operand);
        }
        if (operand instanceof Expression.Target t && !t.addressOf()) {
            // stap reports &$x at $x, the target symbol's own token
            return new Expression.Target(t.pos(), true, t.base(), t.steps(), t.prettyDollars());
        }
        // &x[0] on a value whose type comes from elsewhere: the semantic pass checks it.
        return new Expression.Target(pos(ctx), true, new TargetBase.Autocast(operand), List.of(), 0);
    }

    /** Binary nodes sit at their operator, which is where SystemTap's errors point. */
    @Override
    public Object visitBinaryExpr(StapParser.BinaryExprContext ctx) {
        return new Expression.Binary(pos(ctx.op), BinaryOp.of(ctx.op.getText()),
                expr(ctx.expression(0)), expr(ctx.expression(1)));
    }

    @Override
    public Object visitRegexExpr(StapParser.RegexExprContext ctx) {
        return new Expression.RegexMatch(pos(ctx.op), ctx.op.getType() == StapParser.REGEX_NOMATCH,
                expr(ctx.expression()), string(ctx.stringLiteral()));
    }

    @Override
    public Object visitInExpr(StapParser.InExprContext ctx) {
        return new Expression.InArray(pos(ctx.IN().getSymbol()), List.of(expr(ctx.expression())), false,
                sliced(ctx.indexable(), ctx.slice()));
    }

    @Override
    public Object visitInListExpr(StapParser.InListExprContext ctx) {
        return new Expression.InArray(pos(ctx.IN().getSymbol()), indexList(ctx.indexList()), true,
                sliced(ctx.indexable(), ctx.slice()));
    }

    /** 'k in arr[*, 1]': a slice is an ArrayElement holding the wildcard pattern. */
    private Expression sliced(StapParser.IndexableContext array, StapParser.SliceContext slice) {
        Expression base = indexable(array);
        if (slice == null) {
            return base;
        }
        String name = ((Expression.Symbol) base).name();
        return new Expression.ArrayElement(base.pos(), name, indexList(slice.indexList()));
    }

    @Override
    public Object visitTernaryExpr(StapParser.TernaryExprContext ctx) {
        return new Expression.Ternary(pos(ctx.QUESTION().getSymbol()), expr(ctx.expression(0)),
                expr(ctx.expression(1)), expr(ctx.expression(2)));
    }

    @Override
    public Object visitAssignExpr(StapParser.AssignExprContext ctx) {
        return new Expression.Assign(pos(ctx.op), AssignOp.of(ctx.op.getText()),
                expr(ctx.expression(0)), expr(ctx.expression(1)));
    }

    @Override
    public Object visitLiteralExpr(StapParser.LiteralExprContext ctx) {
        return visit(ctx.literal());
    }

    @Override
    public Object visitParenExpr(StapParser.ParenExprContext ctx) {
        return expr(ctx.expression());
    }

    /** The names stap's parser reads as print calls (parse_print_fmt's list). */
    private static final java.util.Set<String> PRINTERS = java.util.Set.of("print", "println", "printf", "printd",
            "printdln", "sprint", "sprintln", "sprintf", "sprintd", "sprintdln");

    @Override
    public Object visitCallExpr(StapParser.CallExprContext ctx) {
        List<Expression> args = new ArrayList<>();
        for (StapParser.ExpressionContext a : ctx.expression()) {
            args.add(expr(a));
        }
        String name = ctx.name.getText();
        if ((name.equals("printf") || name.equals("sprintf")) && !args.isEmpty()
                && args.get(0) instanceof Expression.StringLiteral format && PrintFormat.arguments(format.value()) == null) {
            // stap reads the format while parsing and names the token after it.
            int at = ctx.children.indexOf(ctx.expression(0)) + 1;
            literalError.accept("invalid or missing conversion specifier", ((TerminalNode) ctx.getChild(at)).getSymbol());
        }
        if (args.isEmpty() && (name.equals("printf") || name.equals("sprintf"))) {
            literalError.accept("expected literal string", ctx.getStop());   // stap reads the format first
        } else if (args.isEmpty() && (name.equals("print") || name.equals("sprint"))) {
            literalError.accept("expected literal string or number", ctx.getStop());   // a value is required
        }
        if (name.equals("printd") || name.equals("printdln")) {
            // stap's grammar: a literal delimiter, then at least two values; with fewer it names
            // the token after the call.
            if (args.isEmpty() || !(args.get(0) instanceof Expression.StringLiteral)) {
                literalError.accept("expected literal string", args.isEmpty() ? ctx.getStop() : ctx.expression(0).getStart());
            } else if (args.size() < 3) {
                literalError.accept("expected literal string or number", next.apply(ctx.getStop()));
            }
        }
        return new Expression.Call(pos(ctx), name, args);
    }

    @Override
    public Object visitSymbolExpr(StapParser.SymbolExprContext ctx) {
        if (PRINTERS.contains(ctx.IDENT().getText())) {
            // stap's parser takes a print-family name as the start of its call
            literalError.accept("expected '('", next.apply(ctx.getStop()));
        }
        return new Expression.Symbol(pos(ctx), ctx.IDENT().getText());
    }

    @Override
    public Object visitTargetExpr(StapParser.TargetExprContext ctx) {
        StapParser.TargetContext t = ctx.target();
        TargetBase base = (TargetBase) visit(t.targetBase());
        int pretty = t.pretty == null ? 0 : t.pretty.getText().length();
        if (base instanceof TargetBase.Variable v && pretty == 0) {
            // $var$ and $$parms$$ come as one token: the name keeps its leading dollars only.
            pretty = trailingDollars(v.name());
            base = new TargetBase.Variable(v.name().substring(0, v.name().length() - pretty));
        }
        return new Expression.Target(pos(ctx), false, base, List.of(), pretty);
    }

    @Override
    public Object visitTargetSymbol(StapParser.TargetSymbolContext ctx) {
        return new TargetBase.Variable(ctx.getText());
    }

    @Override
    public Object visitCastBase(StapParser.CastBaseContext ctx) {
        Expression module = ctx.stringLiteral().size() > 1 ? text(ctx.stringLiteral(1)) : null;
        return new TargetBase.Cast(expr(ctx.expression()), text(ctx.stringLiteral(0)), module);
    }

    @Override
    public Object visitVarBase(StapParser.VarBaseContext ctx) {
        String module = ctx.stringLiteral().size() > 1 ? string(ctx.stringLiteral(1)) : null;
        return new TargetBase.Var(string(ctx.stringLiteral(0)), module);
    }

    @Override
    public Object visitRegisterBase(StapParser.RegisterBaseContext ctx) {
        return new TargetBase.Register(ctx.reg.getType() == StapParser.AT_UREGISTER, expr(ctx.expression()));
    }

    @Override
    public Object visitStatExpr(StapParser.StatExprContext ctx) {
        Expression extra = ctx.expression().size() > 1 ? expr(ctx.expression(1)) : null;
        return new Expression.Stat(pos(ctx), StatOp.of(ctx.AT_STAT().getText()), expr(ctx.expression(0)), extra);
    }

    @Override
    public Object visitHistogramExpr(StapParser.HistogramExprContext ctx) {
        return visit(ctx.histogram());
    }

    @Override
    public Object visitHistLinear(StapParser.HistLinearContext ctx) {
        return new Expression.HistLinear(pos(ctx), expr(ctx.expression(0)), expr(ctx.expression(1)),
                expr(ctx.expression(2)), expr(ctx.expression(3)));
    }

    @Override
    public Object visitHistLog(StapParser.HistLogContext ctx) {
        return new Expression.HistLog(pos(ctx), expr(ctx.expression()));
    }

    @Override
    public Object visitDefinedExpr(StapParser.DefinedExprContext ctx) {
        return new Expression.Defined(pos(ctx), expr(ctx.expression()));
    }

    @Override
    public Object visitEntryExpr(StapParser.EntryExprContext ctx) {
        return new Expression.Entry(pos(ctx), expr(ctx.expression()));
    }

    @Override
    public Object visitProbewriteExpr(StapParser.ProbewriteExprContext ctx) {
        return new Expression.ProbeWrite(pos(ctx), ctx.IDENT().getText());
    }

    @Override
    public Object visitConstExpr(StapParser.ConstExprContext ctx) {
        return new Expression.Const(pos(ctx), string(ctx.stringLiteral()));
    }

    @Override
    public Object visitPerfExpr(StapParser.PerfExprContext ctx) {
        return new Expression.Perf(pos(ctx), string(ctx.stringLiteral()));
    }

    @Override
    public Object visitEmbeddedExpr(StapParser.EmbeddedExprContext ctx) {
        return new Expression.EmbeddedCode(pos(ctx), embedded(ctx.EMBEDDED()));
    }

    Expression indexable(StapParser.IndexableContext ctx) {
        if (ctx instanceof StapParser.ArrayNameContext name) {
            return new Expression.Symbol(pos(name), name.IDENT().getText());
        }
        return (Expression) visit(((StapParser.HistogramSourceContext) ctx).histogram());
    }

    List<Expression> indexList(StapParser.IndexListContext ctx) {
        List<Expression> keys = new ArrayList<>();
        for (StapParser.IndexContext i : ctx.index()) {
            keys.add(i instanceof StapParser.WildcardIndexContext
                    ? new Expression.Wildcard(pos(i))
                    : expr(((StapParser.ExprIndexContext) i).expression()));
        }
        return keys;
    }

    // ---- literals

    Expression constant(StapParser.ConstantContext ctx) {
        if (ctx instanceof StapParser.NegativeConstantContext neg) {
            return new Expression.NumberLiteral(pos(neg), -number(neg.NUMBER().getSymbol()));
        }
        return (Expression) visit(((StapParser.PlainConstantContext) ctx).literal());
    }

    /** A run of adjacent strings is one string ("a" @1 "b" too: @1 is a string token by now). */
    @Override
    public Object visitTextLit(StapParser.TextLitContext ctx) {
        return text(ctx.stringLiteral());
    }

    private Expression text(StapParser.StringLiteralContext ctx) {
        StringBuilder raw = new StringBuilder();
        for (TerminalNode part : ctx.STRING_LIT()) {
            raw.append(part.getText(), 1, part.getText().length() - 1);
        }
        return new Expression.StringLiteral(pos(ctx), string(ctx), raw.toString());
    }

    @Override
    public Object visitNumberLit(StapParser.NumberLitContext ctx) {
        return new Expression.NumberLiteral(pos(ctx), number(ctx.NUMBER().getSymbol()));
    }

    private static String string(StapParser.StringLiteralContext ctx) {
        StringBuilder value = new StringBuilder();
        for (TerminalNode part : ctx.STRING_LIT()) {
            value.append(Literals.string(part.getText()));
        }
        return value.toString();
    }

    long number(Token token) {
        Long value = Literals.number(token.getText());
        if (value == null) {
            literalError.accept("number invalid or out of range", token);
            return 0;
        }
        return value;
    }

    /** The text between %{ and %}. */
    static String embedded(TerminalNode node) {
        String text = node.getText();
        return text.substring(2, text.length() - 2);
    }

    private static SourcePos pos(ParserRuleContext ctx) {
        return Positions.pos(ctx);
    }

    private static SourcePos pos(Token t) {
        return Positions.pos(t);
    }
}
