package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ExpressionVisitor;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.StatementVisitor;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.ast.TargetStep;

/** Visits every statement and expression below a node, in source order; passes override what they need. */
abstract class AstWalker implements ExpressionVisitor<Void>, StatementVisitor<Void> {
    private final Unit unit;
    private final ElideDeadCode.Result elided;

    AstWalker() {
        this(null, ElideDeadCode.Result.NONE);
    }

    /** A walker over what stap's optimizer left of {@code unit}: no removed statement, an elided assignment as what replaced it. */
    AstWalker(Unit unit, ElideDeadCode.Result elided) {
        this.unit = unit;
        this.elided = elided;
    }

    void walk(Statement s) {
        if (s != null && !(s instanceof Statement.ExprStmt e && elided.removed(unit, e))) {
            s.accept(this);
        }
    }

    void walk(Expression e) {
        if (e != null) {
            survivor(e).accept(this);
        }
    }

    /** What stap's optimizer left of e (itself, or what replaced an elided assignment). */
    Expression survivor(Expression e) {
        return elided.effective(unit, e);
    }

    void walkAll(List<Expression> es) {
        if (es != null) {
            es.forEach(this::walk);
        }
    }

    public Void visitNumber(Expression.NumberLiteral e) { return null; }
    public Void visitString(Expression.StringLiteral e) { return null; }
    public Void visitSymbol(Expression.Symbol e) { return null; }
    public Void visitWildcard(Expression.Wildcard e) { return null; }
    public Void visitArrayElement(Expression.ArrayElement e) { walkAll(e.keys()); return null; }
    public Void visitCall(Expression.Call e) { walkAll(e.args()); return null; }
    public Void visitUnary(Expression.Unary e) { walk(e.operand()); return null; }
    public Void visitIncDec(Expression.IncDec e) { walk(e.operand()); return null; }
    public Void visitBinary(Expression.Binary e) { walk(e.left()); walk(e.right()); return null; }
    public Void visitRegexMatch(Expression.RegexMatch e) { walk(e.subject()); return null; }
    public Void visitInArray(Expression.InArray e) { walkAll(e.keys()); walk(e.array()); return null; }
    public Void visitTernary(Expression.Ternary e) {
        walk(e.condition()); walk(e.ifTrue()); walk(e.ifFalse()); return null;
    }
    public Void visitAssign(Expression.Assign e) { walk(e.target()); walk(e.value()); return null; }
    public Void visitStat(Expression.Stat e) { walk(e.operand()); walk(e.extra()); return null; }
    public Void visitHistLinear(Expression.HistLinear e) {
        walk(e.operand()); walk(e.low()); walk(e.high()); walk(e.step()); return null;
    }
    public Void visitHistLog(Expression.HistLog e) { walk(e.operand()); return null; }
    public Void visitHistBucket(Expression.HistBucket e) { walk(e.histogram()); walk(e.index()); return null; }
    public Void visitDefined(Expression.Defined e) { walk(e.operand()); return null; }
    public Void visitEntry(Expression.Entry e) { walk(e.operand()); return null; }
    public Void visitProbeWrite(Expression.ProbeWrite e) { return null; }
    public Void visitConst(Expression.Const e) { return null; }
    public Void visitPerf(Expression.Perf e) { return null; }
    public Void visitEmbeddedCode(Expression.EmbeddedCode e) { return null; }
    public Void visitTarget(Expression.Target e) {
        if (e.base() instanceof TargetBase.Cast c) {
            walk(c.address());
        } else if (e.base() instanceof TargetBase.Autocast a) {
            walk(a.value());
        } else if (e.base() instanceof TargetBase.Register r) {
            walk(r.number());
        }
        for (TargetStep step : e.steps()) {
            if (step instanceof TargetStep.Index i) {
                walk(i.index());
            }
        }
        return null;
    }

    public Void visitBlock(Statement.Block s) { s.statements().forEach(this::walk); return null; }
    public Void visitEmpty(Statement.Empty s) { return null; }
    public Void visitIf(Statement.If s) { walk(s.condition()); walk(s.then()); walk(s.otherwise()); return null; }
    public Void visitWhile(Statement.While s) { walk(s.condition()); walk(s.body()); return null; }
    public Void visitFor(Statement.For s) {
        walk(s.init()); walk(s.condition()); walk(s.step()); walk(s.body()); return null;
    }
    public Void visitForeach(Statement.Foreach s) {
        walk(s.array()); walkAll(s.slice()); walk(s.limit()); walk(s.body()); return null;
    }
    public Void visitBreak(Statement.Break s) { return null; }
    public Void visitContinue(Statement.Continue s) { return null; }
    public Void visitNext(Statement.Next s) { return null; }
    public Void visitReturn(Statement.Return s) { walk(s.value()); return null; }
    public Void visitDelete(Statement.Delete s) { walk(s.target()); return null; }
    public Void visitTry(Statement.Try s) { walk(s.body()); walk(s.handler()); return null; }
    public Void visitExprStmt(Statement.ExprStmt s) { walk(s.expression()); return null; }
}
