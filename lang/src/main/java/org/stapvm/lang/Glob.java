package org.stapvm.lang;

import java.util.ArrayList;
import java.util.List;

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
        boolean found = false;
        for (Member m : members(pattern, from, end)) {
            found |= m.className() != null ? inClass(m.className(), c) : m.lo() <= c && c <= m.hi();
        }
        return found != negated(pattern, from);
    }

    private static boolean negated(String pattern, int from) {
        return pattern.charAt(from) == '!' || pattern.charAt(from) == '^';
    }

    /** One member of a bracket expression: a range of characters (lo == hi for one), or a class, "[:alpha:]". */
    private record Member(char lo, char hi, String className) {}

    /** The members of the bracket expression between {@code from} (after its '[') and {@code end} (its ']'). */
    private List<Member> members(String pattern, int from, int end) {
        List<Member> out = new ArrayList<>();
        int i = negated(pattern, from) ? from + 1 : from;
        while (i < end) {
            int close = pattern.startsWith("[:", i) ? pattern.indexOf(":]", i + 2) : -1;
            if (close > 0 && close < end) {
                out.add(new Member('\0', '\0', pattern.substring(i + 2, close)));
                i = close + 2;
                continue;
            }
            int loEnd = member(pattern, i);
            char lo = pattern.charAt(loEnd - 1);
            if (loEnd + 1 < end && pattern.charAt(loEnd) == '-') {
                int hiEnd = member(pattern, loEnd + 1);
                out.add(new Member(lo, pattern.charAt(hiEnd - 1), null));
                i = hiEnd;
            } else {
                out.add(new Member(lo, lo, null));
                i = loEnd;
            }
        }
        return out;
    }

    /**
     * The same test as a java.util.regex pattern, for a matcher that cannot have this class: the
     * java() probes' agent, which runs in the traced JVM and matches the classes it loads later.
     */
    public String toRegex(String pattern) {
        StringBuilder re = new StringBuilder("(?s)");
        for (int p = 0; p < pattern.length(); p++) {
            char c = pattern.charAt(p);
            int end = c == '[' ? bracketEnd(pattern, p) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (end > 0) {
                List<String> alternatives = new ArrayList<>();
                for (Member m : members(pattern, p + 1, end)) {
                    alternatives.add(m.className() != null ? classRegex(m.className())
                            : "[" + literal(m.lo()) + "-" + literal(m.hi()) + "]");
                }
                String any = "(?:" + String.join("|", alternatives) + ")";
                re.append(negated(pattern, p + 1) ? "(?!" + any + ")." : any);
                p = end;
            } else if (c == '\\' && escapes) {
                re.append(p + 1 < pattern.length() ? literal(pattern.charAt(++p)) : "(?!)");
            } else {
                re.append(literal(c));
            }
        }
        return re.toString();
    }

    private static String literal(char c) {
        return String.format("\\x{%x}", (int) c);
    }

    /** {@link #inClass}'s classes as regex classes (ASCII, as inClass tests them); an unknown one matches nothing. */
    private static String classRegex(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "xdigit" -> "\\p{XDigit}";
            case "space" -> "[ \\t\\n\\r\\f\\x0B]";
            case "blank" -> "[ \\t]";
            case "punct" -> "\\p{Punct}";
            case "cntrl" -> "\\p{Cntrl}";
            case "print" -> "[\\x20-\\x7e]";
            case "graph" -> "[\\x21-\\x7e]";
            default -> "(?!)";
        };
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
