package org.stapvm.lang.pp;

import java.util.OptionalLong;

/** The two ways stap reads numbers in conditions: literals (lex_cast) and CONFIG_ values (strtoll base 0). */
final class Numbers {
    private Numbers() {}

    /** A number literal as stap's lex_cast&lt;int64_t&gt; reads it: decimal and in range, else empty. */
    static OptionalLong literal(String text) {
        if (text.isEmpty() || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /**
     * A CONFIG_ value as strtoll(s, &end, 0) with the whole string consumed: optional blanks and
     * sign, then 0x hex, 0 octal or decimal. The empty string is 0, as strtoll leaves it.
     */
    static OptionalLong config(String s) {
        if (s.isEmpty()) {
            return OptionalLong.of(0);
        }
        int i = 0;
        while (i < s.length() && " \t\n\r\f\u000b".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int radix = 10;
        if (s.startsWith("0x", i) || s.startsWith("0X", i)) {
            if (i + 2 < s.length() && Character.digit(s.charAt(i + 2), 16) >= 0) {
                radix = 16;
                i += 2;
            }
        } else if (s.startsWith("0", i)) {
            radix = 8;
        }
        String digits = s.substring(i);
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong((negative ? "-" : "") + digits, base));
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // ERANGE
        }
    }
}
