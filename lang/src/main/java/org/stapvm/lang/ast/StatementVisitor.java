package org.stapvm.lang.ast;

/** One method per statement record (AstVisitorCoverageTest proves none is missing). */
public interface StatementVisitor<R> {
    R visitBlock(Statement.Block s);
    R visitEmpty(Statement.Empty s);
    R visitIf(Statement.If s);
    R visitWhile(Statement.While s);
    R visitFor(Statement.For s);
    R visitForeach(Statement.Foreach s);
    R visitBreak(Statement.Break s);
    R visitContinue(Statement.Continue s);
    R visitNext(Statement.Next s);
    R visitReturn(Statement.Return s);
    R visitDelete(Statement.Delete s);
    R visitTry(Statement.Try s);
    R visitExprStmt(Statement.ExprStmt s);
}
