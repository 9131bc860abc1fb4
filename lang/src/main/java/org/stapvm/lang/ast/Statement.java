package org.stapvm.lang.ast;

import java.util.List;

/** Every statement form of the language. Optional parts are null when absent. */
public sealed interface Statement
        permits Statement.Block, Statement.Empty, Statement.If, Statement.While, Statement.For,
                Statement.Foreach, Statement.Break, Statement.Continue, Statement.Next,
                Statement.Return, Statement.Delete, Statement.Try, Statement.ExprStmt {

    SourcePos pos();

    <R> R accept(StatementVisitor<R> v);

    record Block(SourcePos pos, List<Statement> statements) implements Statement {
        public Block { statements = List.copyOf(statements); }
        public <R> R accept(StatementVisitor<R> v) { return v.visitBlock(this); }
    }

    /** A lone ';'. */
    record Empty(SourcePos pos) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitEmpty(this); }
    }

    record If(SourcePos pos, Expression condition, Statement then, Statement otherwise) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitIf(this); }
    }

    record While(SourcePos pos, Expression condition, Statement body) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitWhile(this); }
    }

    record For(SourcePos pos, Expression init, Expression condition, Expression step, Statement body)
            implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitFor(this); }
    }

    /**
     * foreach (value = [k1, k2] in array[slice] @stat- limit n) body.
     * {@code valueVar}, {@code slice}, {@code sortStat} and {@code limit} may be null;
     * {@code valueSort} is the value's sort mark wherever it was written.
     */
    record Foreach(SourcePos pos, String valueVar, SortOrder valueSort, List<ForeachKey> keys,
                   Expression array, List<Expression> slice, StatOp sortStat, Expression limit,
                   Statement body) implements Statement {
        public Foreach {
            keys = List.copyOf(keys);
            slice = slice == null ? null : List.copyOf(slice);
        }
        public <R> R accept(StatementVisitor<R> v) { return v.visitForeach(this); }
    }

    record Break(SourcePos pos) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitBreak(this); }
    }

    record Continue(SourcePos pos) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitContinue(this); }
    }

    record Next(SourcePos pos) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitNext(this); }
    }

    record Return(SourcePos pos, Expression value) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitReturn(this); }
    }

    record Delete(SourcePos pos, Expression target) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitDelete(this); }
    }

    /** try { } catch (msg) { }; catchVar may be null. */
    record Try(SourcePos pos, Block body, String catchVar, Block handler) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitTry(this); }
    }

    record ExprStmt(SourcePos pos, Expression expression) implements Statement {
        public <R> R accept(StatementVisitor<R> v) { return v.visitExprStmt(this); }
    }
}
