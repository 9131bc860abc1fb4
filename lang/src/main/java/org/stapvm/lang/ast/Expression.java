package org.stapvm.lang.ast;

import java.util.List;

/** Every expression form of the language; each record is immutable and knows where it starts. */
public sealed interface Expression
        permits Expression.NumberLiteral, Expression.StringLiteral, Expression.Symbol, Expression.Wildcard,
                Expression.ArrayElement, Expression.Call, Expression.Unary, Expression.IncDec,
                Expression.Binary, Expression.RegexMatch, Expression.InArray, Expression.Ternary,
                Expression.Assign, Expression.Stat, Expression.HistLinear, Expression.HistLog, Expression.HistBucket,
                Expression.Defined, Expression.Entry, Expression.ProbeWrite, Expression.Const,
                Expression.Perf, Expression.EmbeddedCode, Expression.Target {

    SourcePos pos();

    <R> R accept(ExpressionVisitor<R> v);

    /** 42, 0x2a, 052 — kept as the 64-bit value (hex and octal wrap like C). */
    record NumberLiteral(SourcePos pos, long value) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitNumber(this); }
    }

    /** "text" — the value after escapes are resolved. */
    /** {@code raw}: the literal's source text between its quotes, escapes as written (stap folds comparisons on it). */
    record StringLiteral(SourcePos pos, String value, String raw) implements Expression {
        public StringLiteral(SourcePos pos, String value) { this(pos, value, value); }
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitString(this); }
    }

    /** A variable: local, global or (in an alias) a probe-alias variable. */
    record Symbol(SourcePos pos, String name) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitSymbol(this); }
    }

    /** '*' as an index: a slice in delete, foreach and 'in'. */
    record Wildcard(SourcePos pos) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitWildcard(this); }
    }

    /** arr[k1, k2]. */
    record ArrayElement(SourcePos pos, String array, List<Expression> keys) implements Expression {
        public ArrayElement { keys = List.copyOf(keys); }
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitArrayElement(this); }
    }

    /** f(a, b): a script, tapset or built-in function. */
    record Call(SourcePos pos, String function, List<Expression> args) implements Expression {
        public Call { args = List.copyOf(args); }
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitCall(this); }
    }

    record Unary(SourcePos pos, UnaryOp op, Expression operand) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitUnary(this); }
    }

    /** ++x, x++, --x, x--. */
    record IncDec(SourcePos pos, boolean increment, boolean prefix, Expression operand) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitIncDec(this); }
    }

    record Binary(SourcePos pos, BinaryOp op, Expression left, Expression right) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitBinary(this); }
    }

    /** s =~ "re" or s !~ "re"; the pattern is a literal so it can be compiled ahead of time. */
    record RegexMatch(SourcePos pos, boolean negated, Expression subject, String pattern) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitRegexMatch(this); }
    }

    /** k in arr, [k1, k2] in arr; the source is a Symbol naming the array. */
    record InArray(SourcePos pos, List<Expression> keys, boolean bracketed, Expression array) implements Expression {
        public InArray { keys = List.copyOf(keys); }
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitInArray(this); }
    }

    record Ternary(SourcePos pos, Expression condition, Expression ifTrue, Expression ifFalse) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitTernary(this); }
    }

    /** x = v, x += v, s <<< v ... */
    record Assign(SourcePos pos, AssignOp op, Expression target, Expression value) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitAssign(this); }
    }

    /** @count(s), @variance(s, bits): {@code extra} is the optional second argument. */
    record Stat(SourcePos pos, StatOp op, Expression operand, Expression extra) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitStat(this); }
    }

    record HistLinear(SourcePos pos, Expression operand, Expression low, Expression high, Expression step)
            implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitHistLinear(this); }
    }

    record HistLog(SourcePos pos, Expression operand) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitHistLog(this); }
    }

    /** @hist_linear(s, ...)[i], @hist_log(s)[i]: the count in bucket i of a histogram. */
    record HistBucket(SourcePos pos, Expression histogram, Expression index) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitHistBucket(this); }
    }

    /** @defined(expr): whether a target expression resolves. */
    record Defined(SourcePos pos, Expression operand) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitDefined(this); }
    }

    /** @entry(expr): evaluated at function entry, used in a .return probe. */
    record Entry(SourcePos pos, Expression operand) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitEntry(this); }
    }

    /** @probewrite(var): whether the probe writes that variable. */
    record ProbeWrite(SourcePos pos, String variable) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitProbeWrite(this); }
    }

    /** @const("NAME"): a constant of the traced kernel. */
    record Const(SourcePos pos, String name) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitConst(this); }
    }

    /** @perf("counter"). */
    record Perf(SourcePos pos, String counter) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitPerf(this); }
    }

    /** %{ ... %} used as an expression: read, never run. */
    record EmbeddedCode(SourcePos pos, String code) implements Expression {
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitEmbeddedCode(this); }
    }

    /**
     * A target expression: $var, $$vars, @cast(...), @var(...), @kregister(n), followed by
     * ->member and [index] steps, optionally printed pretty with a trailing $ or $$.
     */
    record Target(SourcePos pos, boolean addressOf, TargetBase base, List<TargetStep> steps, int prettyDollars)
            implements Expression {
        public Target { steps = List.copyOf(steps); }
        public <R> R accept(ExpressionVisitor<R> v) { return v.visitTarget(this); }
    }
}
