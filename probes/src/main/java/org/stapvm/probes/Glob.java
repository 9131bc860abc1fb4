package org.stapvm.probes;

import java.util.regex.Pattern;

/** stap's function-name wildcards (fnmatch): {@code *}, {@code ?} and {@code [...]} classes. */
public final class Glob {
    private Glob() {}

    public static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    public static Pattern toRegex(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > 0) {
                String body = pattern.substring(i + 1, close);
                re.append('[').append(body.startsWith("!") ? "^" + quoteClass(body.substring(1)) : quoteClass(body)).append(']');
                i = close;
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    private static String quoteClass(String body) {
        return body.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&");
    }
}
