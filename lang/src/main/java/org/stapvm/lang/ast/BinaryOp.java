package org.stapvm.lang.ast;

/** Binary operators, with SystemTap's binding strength (higher binds tighter). */
public enum BinaryOp {
    MUL("*", 10), DIV("/", 10), MOD("%", 10),
    ADD("+", 9), SUB("-", 9),
    CONCAT(".", 8),
    SHL("<<", 7), SHR(">>", 7), USHR(">>>", 7), // USHR: parsed only; stap rejects it in pass 2
    LT("<", 6), LE("<=", 6), GT(">", 6), GE(">=", 6), EQ("==", 6), NE("!=", 6),
    BIT_AND("&", 4), BIT_XOR("^", 3), BIT_OR("|", 2),
    AND("&&", 1), OR("||", 0);

    public final String text;
    public final int precedence;

    BinaryOp(String text, int precedence) {
        this.text = text;
        this.precedence = precedence;
    }

    public static BinaryOp of(String text) {
        return OperatorText.lookup(values(), op -> op.text, text, "a binary operator");
    }
}
