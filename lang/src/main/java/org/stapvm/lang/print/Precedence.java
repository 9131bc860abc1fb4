package org.stapvm.lang.print;

import org.stapvm.lang.ast.BinaryOp;

/** Binding strength of each expression form as StapParser.g4 orders them (higher binds tighter). */
final class Precedence {
    private Precedence() {}

    static final int ASSIGN = 1;
    static final int TERNARY = 2;
    static final int IN = 8;
    static final int REGEX = 9;
    static final int UNARY = 15;
    static final int POSTFIX = 16;
    static final int PRIMARY = 17;

    static int of(BinaryOp op) {
        return switch (op) {
            case OR -> 3;
            case AND -> 4;
            case BIT_OR -> 5;
            case BIT_XOR -> 6;
            case BIT_AND -> 7;
            case LT, LE, GT, GE, EQ, NE -> 10;
            case SHL, SHR, USHR -> 11;
            case CONCAT -> 12;
            case ADD, SUB -> 13;
            case MUL, DIV, MOD -> 14;
        };
    }
}
