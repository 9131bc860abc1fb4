package org.stapvm.lang.ast;

/** Prefix operators. */
public enum UnaryOp {
    PLUS("+"), NEG("-"), NOT("!"), BIT_NOT("~");

    public final String text;

    UnaryOp(String text) {
        this.text = text;
    }

    public static UnaryOp of(String text) {
        return OperatorText.lookup(values(), op -> op.text, text, "a unary operator");
    }
}
