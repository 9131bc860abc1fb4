package org.stapvm.lang.parse;

/** Decodes number and string literal text the way SystemTap's lexer reads it. */
final class Literals {
    private Literals() {}

    /** 0x.. hex, 0.. octal, else decimal; all 64-bit with C's unsigned wrap. Null if invalid. */
    static Long number(String text) {
        try {
            if (text.length() > 2 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
                return Long.parseUnsignedLong(text.substring(2), 16);
            }
            if (text.length() > 1 && text.charAt(0) == '0') {
                return Long.parseUnsignedLong(text.substring(1), 8);
            }
            return Long.parseUnsignedLong(text); // up to 2^64-1, wrapping as SystemTap does
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * The value of a quoted literal: \n \t \a \b \f \r \v, \ooo octal and \xHH hex become the
     * character; any other escaped character stands for itself (SystemTap drops the backslash).
     */
    static String string(String quoted) {
        String body = quoted.substring(1, quoted.length() - 1);
        StringBuilder out = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c != '\\' || i + 1 == body.length()) {
                out.append(c);
                continue;
            }
            char e = body.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'a' -> out.append('\007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'v' -> out.append('\013');
                case 'x' -> {
                    int end = i + 1;
                    while (end < body.length() && end < i + 3 && Character.digit(body.charAt(end), 16) >= 0) {
                        end++;
                    }
                    if (end == i + 1) {
                        out.append('x');
                    } else {
                        out.append((char) Integer.parseInt(body.substring(i + 1, end), 16));
                        i = end - 1;
                    }
                }
                default -> {
                    if (e >= '0' && e <= '7') {
                        int end = i;
                        while (end < body.length() && end < i + 3 && body.charAt(end) >= '0' && body.charAt(end) <= '7') {
                            end++;
                        }
                        out.append((char) (Integer.parseInt(body.substring(i, end), 8) & 0xff));
                        i = end - 1;
                    } else {
                        out.append(e);
                    }
                }
            }
        }
        return out.toString();
    }
}
