package org.stapvm.lang.ast;

/** Prefix operators. */
public enum UnaryOp {
    PLUS("+"), NEG("-"), NOT("!"), BIT_NOT("~");

    public final String text;

    UnaryOp(String text) {
        this.text = text;
    }

    public static UnaryOp of(String text) {
        for (UnaryOp op : values()) {
            if (op.text.equals(text)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not a unary operator: " + text);
    }
}
