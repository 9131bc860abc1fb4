package org.stapvm.probes.family;

import org.stapvm.lang.ast.Expression;

/** A probe point component's literal argument, as the families read it. */
final class Arguments {
    private Arguments() {}

    /** The number, or null when the argument is absent or not a number. */
    static Long number(Expression e) {
        return e instanceof Expression.NumberLiteral n ? Long.valueOf(n.value()) : null;
    }

    /** The string, or null when the argument is absent or not a string. */
    static String string(Expression e) {
        return e instanceof Expression.StringLiteral s ? s.value() : null;
    }
}
