package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.SortOrder;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.StatOp;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.ValueType;
import org.stapvm.lang.grammar.StapParser;
import org.stapvm.lang.grammar.StapParserBaseVisitor;

/**
 * Turns one parsed declaration into immutable AST nodes: one method per labelled alternative of
 * StapParser.g4. Literal problems the grammar cannot see (a number out of range) are reported
 * through {@code literalError} with the offending token.
 */
final class AstBuilder extends StapParserBaseVisitor<Object> {
    private final ExpressionBuilder expressions;
    private final BiConsumer<String, Token> error;
    /** The globals this file declared so far: stap's parser refuses a second one. */
    private final java.util.Set<String> globalNames = new java.util.HashSet<>();
    /** Inside a function body: the only place stap's parser takes 'return'. */
    private boolean inFunction;

    AstBuilder(BiConsumer<String, Token> literalError, UnaryOperator<Token> next) {
        this.expressions = new ExpressionBuilder(literalError, next);
        this.error = literalError;
    }

    /** Usually one declaration; a global statement gives one per variable, a stray ';' none. */
    @SuppressWarnings("unchecked")
    List<Declaration> declarations(StapParser.DeclarationContext ctx) {
        Object built = visit(ctx);
        return built instanceof List<?> list ? (List<Declaration>) list : List.of((Declaration) built);
    }

    // ---- declarations

    /** probe points { } is a probe; probe names = points { } (or +=) defines an alias. */
    @Override
    public Object visitProbeDecl(StapParser.ProbeDeclContext ctx) {
        Statement.Block body = body(ctx.block());
        if (ctx.aliasOp == null) {
            return new Declaration.Probe(pos(ctx), probePoints(ctx.probePoints(0)), body);
        }
        return new Declaration.Alias(pos(ctx), probePoints(ctx.probePoints(0)),
                ctx.aliasOp.getType() == StapParser.ADD_ASSIGN, probePoints(ctx.probePoints(1)), body);
    }

    /** Several bodies ({ a }, { b }) run in order: one block holding each as a nested block. */
    private Statement.Block body(List<StapParser.BlockContext> blocks) {
        if (blocks.size() == 1) {
            return block(blocks.get(0));
        }
        List<Statement> parts = new ArrayList<>();
        for (StapParser.BlockContext b : blocks) {
            parts.add(block(b));
        }
        return new Statement.Block(pos(blocks.get(0)), parts);
    }

    /** A multi-variable global statement becomes one Global per variable. */
    @Override
    public Object visitGlobalDecl(StapParser.GlobalDeclContext ctx) {
        List<Declaration.Global> globals = new ArrayList<>();
        for (StapParser.GlobalVarContext v : ctx.globalVar()) {
            if (!globalNames.add(v.IDENT().getText())) {
                // stap's parser stops the statement there: the names before it stay declared
                error.accept("duplicate global name", v.IDENT().getSymbol());
                break;
            }
            boolean isArray = v.size != null;
            long size = isArray ? expressions.number(v.size) : 0;
            Expression init = v.constant() == null ? null : expressions.constant(v.constant());
            globals.add(new Declaration.Global(pos(v.IDENT().getSymbol()), ctx.PRIVATE() != null,
                    v.IDENT().getText(), v.wrap != null, isArray, size, init));
        }
        return globals;
    }

    @Override
    public Object visitFunctionDecl(StapParser.FunctionDeclContext ctx) {
        List<Declaration.Param> params = new ArrayList<>();
        for (StapParser.ParamContext p : ctx.param()) {
            params.add(new Declaration.Param(pos(p), p.IDENT().getText(), type(p.type())));
        }
        long priority = ctx.priority == null ? 0 : expressions.number(ctx.priority);
        inFunction = true;
        Statement.Block body = ctx.block() == null ? null : block(ctx.block());
        inFunction = false;
        String embedded = ctx.EMBEDDED() == null ? null : ExpressionBuilder.embedded(ctx.EMBEDDED());
        return new Declaration.Function(pos(ctx), ctx.PRIVATE() != null, ctx.name.getText(), type(ctx.type()),
                params, priority, body, embedded, ctx.EMBEDDED() == null ? null : pos(ctx.EMBEDDED().getSymbol()));
    }

    @Override
    public Object visitEmbeddedDecl(StapParser.EmbeddedDeclContext ctx) {
        return new Declaration.Embedded(pos(ctx), ExpressionBuilder.embedded(ctx.EMBEDDED()));
    }

    @Override
    public Object visitEmptyDecl(StapParser.EmptyDeclContext ctx) {
        return List.of();
    }

    private List<ProbePoint> probePoints(StapParser.ProbePointsContext ctx) {
        List<ProbePoint> points = new ArrayList<>();
        for (StapParser.ProbePointContext p : ctx.probePoint()) {
            Expression condition = p.expression() == null ? null : expressions.expr(p.expression());
            for (Expansion e : expand(p.componentPath())) {
                ProbePoint.Marker marker = p.marker != null || e.marker() == null ? marker(p.marker) : e.marker();
                points.add(new ProbePoint(pos(p), e.components(), marker, condition));
            }
        }
        return points;
    }

    /** One expansion of a braced path: its components and the marker written inside the braces. */
    private record Expansion(List<ProbePoint.Component> components, ProbePoint.Marker marker) {}

    /** Every component sequence a path stands for, braces expanded left to right. */
    private List<Expansion> expand(StapParser.ComponentPathContext path) {
        List<Expansion> results = List.of(new Expansion(List.of(), null));
        for (StapParser.SegmentContext segment : path.segment()) {
            List<Expansion> tails = new ArrayList<>();
            if (segment instanceof StapParser.SingleSegmentContext single) {
                tails.add(new Expansion(List.of(component(single.component())), null));
            } else {
                for (StapParser.AlternativeContext alt : ((StapParser.AlternativeSegmentContext) segment).alternative()) {
                    for (Expansion e : expand(alt.componentPath())) {
                        tails.add(new Expansion(e.components(), alt.marker == null ? e.marker() : marker(alt.marker)));
                    }
                }
            }
            List<Expansion> next = new ArrayList<>();
            for (Expansion head : results) {
                for (Expansion tail : tails) {
                    List<ProbePoint.Component> joined = new ArrayList<>(head.components());
                    joined.addAll(tail.components());
                    next.add(new Expansion(joined, tail.marker() != null ? tail.marker() : head.marker()));
                }
            }
            results = next;
        }
        return results;
    }

    private static ProbePoint.Marker marker(Token mark) {
        if (mark == null) {
            return ProbePoint.Marker.NONE;
        }
        return mark.getType() == StapParser.QUESTION ? ProbePoint.Marker.OPTIONAL : ProbePoint.Marker.SUFFICIENT;
    }

    private ProbePoint.Component component(StapParser.ComponentContext c) {
        Expression arg = c.constant() == null ? null : expressions.constant(c.constant());
        return new ProbePoint.Component(pos(c), c.componentName().getText(), arg);
    }

    private ValueType type(StapParser.TypeContext ctx) {
        if (ctx == null) {
            return null;
        }
        return ctx.LONG() != null ? ValueType.LONG : ValueType.STRING;
    }


    // ---- statements

    Statement.Block block(StapParser.BlockContext ctx) {
        List<Statement> statements = new ArrayList<>();
        for (StapParser.StatementContext s : ctx.statement()) {
            statements.add(stmt(s));
        }
        return new Statement.Block(pos(ctx), statements);
    }

    private Statement stmt(StapParser.StatementContext ctx) {
        return (Statement) visit(ctx);
    }

    @Override
    public Object visitBlockStmt(StapParser.BlockStmtContext ctx) {
        return block(ctx.block());
    }

    @Override
    public Object visitEmptyStmt(StapParser.EmptyStmtContext ctx) {
        return new Statement.Empty(pos(ctx));
    }

    @Override
    public Object visitIfStmt(StapParser.IfStmtContext ctx) {
        Statement otherwise = ctx.statement().size() > 1 ? stmt(ctx.statement(1)) : null;
        return new Statement.If(pos(ctx), expressions.expr(ctx.expression()), stmt(ctx.statement(0)), otherwise);
    }

    @Override
    public Object visitWhileStmt(StapParser.WhileStmtContext ctx) {
        return new Statement.While(pos(ctx), expressions.expr(ctx.expression()), stmt(ctx.statement()));
    }

    @Override
    public Object visitForStmt(StapParser.ForStmtContext ctx) {
        return new Statement.For(pos(ctx), expressions.exprOrNull(ctx.init), expressions.exprOrNull(ctx.cond), expressions.exprOrNull(ctx.step),
                stmt(ctx.statement()));
    }

    @Override
    public Object visitForeachStmt(StapParser.ForeachStmtContext ctx) {
        StapParser.SortedNameContext value;
        List<StapParser.SortedNameContext> keyNames;
        if (ctx.foreachVars() instanceof StapParser.ForeachKeyListContext list) {
            value = list.value;
            keyNames = list.sortedName().subList(value == null ? 0 : 1, list.sortedName().size());
        } else {
            StapParser.ForeachSingleKeyContext single = (StapParser.ForeachSingleKeyContext) ctx.foreachVars();
            value = single.value;
            keyNames = single.sortedName().subList(value == null ? 0 : 1, single.sortedName().size());
        }
        List<ForeachKey> keys = new ArrayList<>();
        for (StapParser.SortedNameContext k : keyNames) {
            keys.add(new ForeachKey(pos(k), k.IDENT().getText(), sort(k.sort)));
        }
        StapParser.ForeachSourceContext source = ctx.foreachSource();
        // The value's sort mark may sit on the value variable or after the array.
        SortOrder valueSort = source.sort != null ? sort(source.sort) : value != null ? sort(value.sort) : SortOrder.NONE;
        StatOp stat = source.stat == null ? null : StatOp.of(source.stat.getText());
        List<Expression> slice = source.slice() == null ? null : expressions.indexList(source.slice().indexList());
        Expression limit = ctx.expression() == null ? null : expressions.expr(ctx.expression());
        return new Statement.Foreach(pos(ctx), value == null ? null : value.IDENT().getText(), valueSort, keys,
                expressions.indexable(source.indexable()), slice, stat, limit, stmt(ctx.statement()));
    }

    private static SortOrder sort(Token mark) {
        return SortOrder.of(mark == null ? null : mark.getText());
    }

    @Override
    public Object visitBreakStmt(StapParser.BreakStmtContext ctx) {
        return new Statement.Break(pos(ctx));
    }

    @Override
    public Object visitContinueStmt(StapParser.ContinueStmtContext ctx) {
        return new Statement.Continue(pos(ctx));
    }

    @Override
    public Object visitNextStmt(StapParser.NextStmtContext ctx) {
        return new Statement.Next(pos(ctx));
    }

    @Override
    public Object visitReturnStmt(StapParser.ReturnStmtContext ctx) {
        if (!inFunction) {
            error.accept("found 'return' not in function context", ctx.RETURN().getSymbol());
        }
        return new Statement.Return(pos(ctx), expressions.exprOrNull(ctx.expression()));
    }

    @Override
    public Object visitDeleteStmt(StapParser.DeleteStmtContext ctx) {
        return new Statement.Delete(pos(ctx), expressions.expr(ctx.expression()));
    }

    @Override
    public Object visitTryStmt(StapParser.TryStmtContext ctx) {
        String var = ctx.IDENT() == null ? null : ctx.IDENT().getText();
        return new Statement.Try(pos(ctx), block(ctx.block(0)), var, block(ctx.block(1)));
    }

    @Override
    public Object visitExprStmt(StapParser.ExprStmtContext ctx) {
        return new Statement.ExprStmt(pos(ctx), expressions.expr(ctx.expression()));
    }

    private static SourcePos pos(ParserRuleContext ctx) {
        return Positions.pos(ctx);
    }

    private static SourcePos pos(Token t) {
        return Positions.pos(t);
    }
}
