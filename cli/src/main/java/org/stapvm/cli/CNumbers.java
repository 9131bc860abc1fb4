package org.stapvm.cli;

/** C's number parsing as stap's option code uses it, so that option values are refused where stap refuses them. */
final class CNumbers {
    private CNumbers() {}

    /**
     * stap's {@code (int) strtoul(text, &end, 10)} with {@code *end == '\0'} required: the value
     * as that int, or -1 (which every caller refuses) when text has characters after the digits
     * or none at all. As strtoul: leading white space and one sign are skipped, a '-' negates in
     * unsigned arithmetic, and a value past ULONG_MAX is ULONG_MAX.
     */
    static long strtoul(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        int digits = i;
        long value = 0;
        boolean overflow = false;
        for (; i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            int d = text.charAt(i) - '0';
            // unsigned 64-bit value * 10 + d overflows past 0xffffffffffffffff
            if (Long.compareUnsigned(value, Long.divideUnsigned(-1L - d, 10)) > 0) {
                overflow = true;
            }
            value = value * 10 + d;
        }
        if (i == digits) {
            return text.isEmpty() ? 0 : -1; // no digits: strtoul's end is the text itself
        }
        if (i < n) {
            return -1;
        }
        long unsigned = overflow ? -1L : negative ? -value : value;
        return (int) unsigned;
    }
}
