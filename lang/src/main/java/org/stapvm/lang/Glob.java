package org.stapvm.lang;

/**
 * The one wildcard matcher: fnmatch(3) with no flags, or with FNM_NOESCAPE, as stap calls it.
 * {@code *}, {@code ?} and bracket expressions ({@code [!a-z]}, {@code [^a]}, {@code []x]},
 * {@code [[:digit:]]}); '/' and a leading '.' are not special; an unterminated '[' is an ordinary
 * character. Which flag stap passes depends on what is matched:
 * <ul>
 * <li>{@link #FUNCTION_NAMES} (no flags): names inside a probe point's string arguments,
 *     {@code function("...")} and {@code module("...")} (dwflpp::function_name_matches_pattern):
 *     a backslash quotes the next character, so {@code \*} is a literal star;</li>
 * <li>{@link #NO_ESCAPE} (FNM_NOESCAPE): preprocessor conditions on arch, kernel version and
 *     CONFIG_ values, and probe alias name components (match_key::globmatch): a backslash is an
 *     ordinary character.</li>
 * </ul>
 */
public final class Glob {
    /** fnmatch(pattern, name, 0). */
    public static final Glob FUNCTION_NAMES = new Glob(true);
    /** fnmatch(pattern, name, FNM_NOESCAPE). */
    public static final Glob NO_ESCAPE = new Glob(false);

    private final boolean escapes;

    private Glob(boolean escapes) {
        this.escapes = escapes;
    }

    /** stap's test for a wildcard pattern (dwflpp::name_has_wildcard): any of '*', '?', '['. */
    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    public boolean matches(String pattern, String text) {
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
    private int matchOne(String pattern, int p, char c) {
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
        if (pc == '\\' && escapes) {
            // a trailing backslash matches nothing, as in glibc
            return p + 1 < pattern.length() && pattern.charAt(p + 1) == c ? p + 2 : -1;
        }
        return pc == c ? p + 1 : -1;
    }

    /** Index of the ']' closing the bracket expression opened at {@code open}, or -1. */
    private int bracketEnd(String pattern, int open) {
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
            if (pattern.charAt(i) == '\\' && escapes) {
                i++;
            } else if (pattern.charAt(i) == ']') {
                return i;
            }
        }
        return -1;
    }

    private boolean inBracket(String pattern, int from, int end, char c) {
        boolean negate = pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
        int i = negate ? from + 1 : from;
        boolean found = false;
        while (i < end) {
            int close = pattern.startsWith("[:", i) ? pattern.indexOf(":]", i + 2) : -1;
            if (close > 0 && close < end) {
                found |= inClass(pattern.substring(i + 2, close), c);
                i = close + 2;
                continue;
            }
            int loEnd = member(pattern, i);
            char lo = pattern.charAt(loEnd - 1);
            if (loEnd + 1 < end && pattern.charAt(loEnd) == '-') {
                int hiEnd = member(pattern, loEnd + 1);
                found |= lo <= c && c <= pattern.charAt(hiEnd - 1);
                i = hiEnd;
            } else {
                found |= lo == c;
                i = loEnd;
            }
        }
        return found != negate;
    }

    /** The index after the bracket member at {@code i}: one character, or a backslash and the one it quotes. */
    private int member(String pattern, int i) {
        return escapes && pattern.charAt(i) == '\\' ? i + 2 : i + 1;
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
