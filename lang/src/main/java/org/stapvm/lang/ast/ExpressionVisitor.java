package org.stapvm.lang.ast;

/** One method per expression record (AstVisitorCoverageTest proves none is missing). */
public interface ExpressionVisitor<R> {
    R visitNumber(Expression.NumberLiteral e);
    R visitString(Expression.StringLiteral e);
    R visitSymbol(Expression.Symbol e);
    R visitWildcard(Expression.Wildcard e);
    R visitArrayElement(Expression.ArrayElement e);
    R visitCall(Expression.Call e);
    R visitUnary(Expression.Unary e);
    R visitIncDec(Expression.IncDec e);
    R visitBinary(Expression.Binary e);
    R visitRegexMatch(Expression.RegexMatch e);
    R visitInArray(Expression.InArray e);
    R visitTernary(Expression.Ternary e);
    R visitAssign(Expression.Assign e);
    R visitStat(Expression.Stat e);
    R visitHistLinear(Expression.HistLinear e);
    R visitHistLog(Expression.HistLog e);
    R visitHistBucket(Expression.HistBucket e);
    R visitDefined(Expression.Defined e);
    R visitEntry(Expression.Entry e);
    R visitProbeWrite(Expression.ProbeWrite e);
    R visitConst(Expression.Const e);
    R visitPerf(Expression.Perf e);
    R visitEmbeddedCode(Expression.EmbeddedCode e);
    R visitTarget(Expression.Target e);
}
