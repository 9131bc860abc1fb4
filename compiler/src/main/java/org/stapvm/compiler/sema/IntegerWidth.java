package org.stapvm.compiler.sema;

import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;

/** A C integer of a given width as script arithmetic on a 64-bit value: the target lowerings' one narrowing rule. */
final class IntegerWidth {
    private IntegerWidth() {}

    /** The low {@code bits} of x, sign-extended when signed: ((x & mask) ^ sign) - sign. */
    static Expression extend(SourcePos pos, Expression x, int bits, boolean signed) {
        if (bits >= 64) {
            return x;
        }
        Expression masked = new Expression.Binary(pos, BinaryOp.BIT_AND, x, new Expression.NumberLiteral(pos, (1L << bits) - 1));
        if (!signed) {
            return masked;
        }
        Expression sign = new Expression.NumberLiteral(pos, 1L << (bits - 1));
        return new Expression.Binary(pos, BinaryOp.SUB, new Expression.Binary(pos, BinaryOp.BIT_XOR, masked, sign), sign);
    }
}
