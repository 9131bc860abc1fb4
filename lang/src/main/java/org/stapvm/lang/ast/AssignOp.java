package org.stapvm.lang.ast;

/** Assignment operators; {@code binary} is the operator a compound assignment applies. */
public enum AssignOp {
    ASSIGN("=", null), STAT_ADD("<<<", null),
    ADD("+=", BinaryOp.ADD), SUB("-=", BinaryOp.SUB), MUL("*=", BinaryOp.MUL),
    DIV("/=", BinaryOp.DIV), MOD("%=", BinaryOp.MOD), SHL("<<=", BinaryOp.SHL),
    SHR(">>=", BinaryOp.SHR), AND("&=", BinaryOp.BIT_AND), XOR("^=", BinaryOp.BIT_XOR),
    OR("|=", BinaryOp.BIT_OR), CONCAT(".=", BinaryOp.CONCAT);

    public final String text;
    public final BinaryOp binary;

    AssignOp(String text, BinaryOp binary) {
        this.text = text;
        this.binary = binary;
    }

    public static AssignOp of(String text) {
        return OperatorText.lookup(values(), op -> op.text, text, "an assignment operator");
    }
}
