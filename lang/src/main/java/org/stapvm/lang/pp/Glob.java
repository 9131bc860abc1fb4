package org.stapvm.lang.pp;

/**
 * fnmatch(3) with FNM_NOESCAPE and no other flags, as stap matches arch, runtime, CONFIG_ and
 * kernel version patterns: {@code *}, {@code ?}, and bracket expressions ({@code [!a-z]},
 * {@code [[:digit:]]}); a backslash is an ordinary character, '/' and '.' are not special.
 */
public final class Glob {
    private Glob() {}

    /** True if a pattern holds a wildcard, which turns a version comparison into a match. */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    public static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int starP = -1; // pattern index after the last '*', to retry from on mismatch
        int starT = -1; // text index that '*' was last assumed to extend to
        while (t < text.length()) {
            if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = ++p;
                starT = t;
                continue;
            }
            int next = p < pattern.length() ? matchOne(pattern, p, text.charAt(t)) : -1;
            if (next >= 0) {
                p = next;
                t++;
            } else if (starP >= 0) {
                p = starP;
                t = ++starT;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    /** If the pattern element at {@code p} matches {@code c}, the index after it; otherwise -1. */
    private static int matchOne(String pattern, int p, char c) {
        char pc = pattern.charAt(p);
        if (pc == '?') {
            return p + 1;
        }
        if (pc == '[') {
            int end = bracketEnd(pattern, p);
            if (end > 0) {
                return inBracket(pattern, p + 1, end, c) ? end + 1 : -1;
            }
            // An unterminated '[' is an ordinary character.
        }
        return pc == c ? p + 1 : -1;
    }

    /** Index of the ']' closing the bracket expression opened at {@code open}, or -1. */
    private static int bracketEnd(String pattern, int open) {
        int i = open + 1;
        if (i < pattern.length() && (pattern.charAt(i) == '!' || pattern.charAt(i) == '^')) {
            i++;
        }
        if (i < pattern.length() && pattern.charAt(i) == ']') {
            i++; // a leading ']' is a member, not the end
        }
        for (; i < pattern.length(); i++) {
            if (pattern.startsWith("[:", i)) {
                int close = pattern.indexOf(":]", i + 2);
                if (close > 0) {
                    i = close + 1;
                    continue;
                }
            }
            if (pattern.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean inBracket(String pattern, int from, int end, char c) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            char lo = pattern.charAt(i);
            int close = pattern.startsWith("[:", i) ? pattern.indexOf(":]", i + 2) : -1;
            if (close > 0 && close < end) {
                found |= inClass(pattern.substring(i + 2, close), c);
                i = close + 2;
            } else if (i + 2 < end && pattern.charAt(i + 1) == '-') {
                found |= lo <= c && c <= pattern.charAt(i + 2);
                i += 3;
            } else {
                found |= lo == c;
                i++;
            }
        }
        return found != negate;
    }

    private static boolean inClass(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c) && c < 128;
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> (Character.isLetterOrDigit(c)) && c < 128;
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "xdigit" -> Character.digit(c, 16) >= 0 && c < 128;
            case "space" -> " \t\n\r\f\u000b".indexOf(c) >= 0;
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "cntrl" -> c < 32 || c == 127;
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            default -> false;
        };
    }
}
