package org.stapvm.lang.print;

/** Writes literal values back as source text that reads back to the same value. */
final class Literals {
    private Literals() {}

    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c >= 0x7f) {
                        out.append(String.format("\\%03o", c & 0xff));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * A number inside an expression. A negative value there can only have come from a literal
     * that wrapped (18446744073709551615), so it is written unsigned: "-1" would read as unary minus.
     */
    static String number(long value) {
        return Long.toUnsignedString(value);
    }
}
