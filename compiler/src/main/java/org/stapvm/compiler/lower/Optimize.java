package org.stapvm.compiler.lower;

import org.stapvm.lang.ast.Expression;

/**
 * Constant folding used while lowering: int arithmetic and comparisons of literals (wrapping as
 * the VM does; division by a constant 0 is left to the runtime error), string concatenation of
 * literals. Dead code after return/next/break/continue and under if(0) is dropped by the lowering.
 */
public final class Optimize {
    private Optimize() {}

    /** The value of a constant int expression, or null. */
    public static Long constant(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return n.value();
        }
        if (e instanceof Expression.Unary u) {
            Long v = constant(u.operand());
            if (v == null) {
                return null;
            }
            return switch (u.op()) {
                case PLUS -> v;
                case NEG -> -v;
                case NOT -> v == 0 ? 1L : 0L;
                case BIT_NOT -> ~v;
            };
        }
        if (e instanceof Expression.Binary b) {
            Long l = constant(b.left());
            if (l == null) {
                return null;
            }
            Long r = constant(b.right());
            if (r == null) {
                return null;
            }
            long x = l, y = r;
            return switch (b.op()) {
                case ADD -> x + y;
                case SUB -> x - y;
                case MUL -> x * y;
                case DIV -> y == 0 ? null : x / y;
                case MOD -> y == 0 ? null : x % y;
                // stap's constant folder leaves the value alone for a count outside 0..63 (1 << 65 is 1),
                // where a shift at run time masks the count (x << 65 is x << 1)
                case SHL -> y < 0 || y > 63 ? x : x << y;
                case SHR -> y < 0 || y > 63 ? x : x >> y;
                case BIT_AND -> x & y;
                case BIT_OR -> x | y;
                case BIT_XOR -> x ^ y;
                case LT -> x < y ? 1L : 0L;
                case LE -> x <= y ? 1L : 0L;
                case GT -> x > y ? 1L : 0L;
                case GE -> x >= y ? 1L : 0L;
                case EQ -> x == y ? 1L : 0L;
                case NE -> x != y ? 1L : 0L;
                case AND -> x != 0 && y != 0 ? 1L : 0L;
                case OR -> x != 0 || y != 0 ? 1L : 0L;
                case CONCAT, USHR -> null;
            };
        }
        return null;
    }

    /**
     * The source text of a constant string expression (literal or concatenation of literals), its
     * escapes as written, or null: stap's constant folder compares two such strings on this text
     * ("\\377" < "a", as '\\' < 'a'), where the runtime compares the bytes.
     */
    public static String rawStringConstant(Expression e) {
        return concatenated(e, Expression.StringLiteral::raw);
    }

    /** The value of a constant string expression (literal or concatenation of literals), or null. */
    public static String stringConstant(Expression e) {
        return concatenated(e, Expression.StringLiteral::value);
    }

    /** A literal's {@code text}, or the concatenation of literals' texts; null for anything else. */
    private static String concatenated(Expression e, java.util.function.Function<Expression.StringLiteral, String> text) {
        if (e instanceof Expression.StringLiteral s) {
            return text.apply(s);
        }
        if (e instanceof Expression.Binary b && b.op() == org.stapvm.lang.ast.BinaryOp.CONCAT) {
            String l = concatenated(b.left(), text);
            String r = l == null ? null : concatenated(b.right(), text);
            return r == null ? null : l + r;
        }
        return null;
    }
}
