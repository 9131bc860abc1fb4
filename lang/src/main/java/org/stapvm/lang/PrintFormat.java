package org.stapvm.lang;

/**
 * The conversions of a printf/sprintf format as SystemTap 4.8 reads them at parse time: '%',
 * at most one flag of "-+ #0", a width (digits or '*'), a precision ('.' then digits or '*'),
 * at most one 'l', then the conversion character. So stap rejects "%lld", "%hd" and "%zd", and
 * a second flag ("%-+5d"; "%-08d" is the flag '-' and the width 08).
 */
public final class PrintFormat {
    private PrintFormat() {}

    /** A run of literal text ("%%" already made "%"), or one conversion with the arguments it takes. */
    public record Piece(String text, boolean conversion, int arguments) {}

    /** The format split into literal runs and conversions; null when stap rejects it. */
    public static java.util.List<Piece> pieces(String format) {
        if (arguments(format) == null) {
            return null;
        }
        java.util.List<Piece> out = new java.util.ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i);
            if (c != '%') {
                text.append(c);
                i++;
            } else if (i + 1 < format.length() && format.charAt(i + 1) == '%') {
                text.append('%');
                i += 2;
            } else {
                if (text.length() > 0) {
                    out.add(new Piece(text.toString(), false, 0));
                    text.setLength(0);
                }
                int end = conversionEnd(format, i + 1);
                String spec = format.substring(i, end);
                out.add(new Piece(spec, true, arguments(spec).length()));
                i = end;
            }
        }
        if (text.length() > 0) {
            out.add(new Piece(text.toString(), false, 0));
        }
        return out;
    }

    /** The index after the conversion whose flags start at {@code i} (the format is valid). */
    private static int conversionEnd(String format, int i) {
        StringBuilder ignored = new StringBuilder();
        if ("-+ #0".indexOf(format.charAt(i)) >= 0) {
            i++;
        }
        i = count(format, i, ignored);
        if (format.charAt(i) == '.') {
            i = count(format, i + 1, ignored);
        }
        if (format.charAt(i) == 'l') {
            i++;
        }
        return i + 1;
    }

    /**
     * The arguments the format consumes, in order, one character each: 'l' for a long (numeric
     * conversions and '*' widths or precisions), 's' for a string. Null when stap rejects the
     * format ("invalid or missing conversion specifier").
     */
    public static String arguments(String format) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = format.length();
        while (i < n) {
            char c = format.charAt(i++);
            if (c != '%') {
                continue;
            }
            if (i < n && format.charAt(i) == '%') {
                i++;
                continue;
            }
            if (i < n && "-+ #0".indexOf(format.charAt(i)) >= 0) {
                i++;
            }
            i = count(format, i, out);
            if (i < n && format.charAt(i) == '.') {
                i = count(format, i + 1, out);
            }
            if (i < n && format.charAt(i) == 'l') {
                i++;
            }
            if (i >= n) {
                return null;
            }
            switch (format.charAt(i++)) {
                case 'd', 'i', 'o', 'u', 'x', 'X', 'p', 'c', 'b', 'm', 'M' -> out.append('l');
                case 's' -> out.append('s');
                default -> {
                    return null;
                }
            }
        }
        return out.toString();
    }

    /** A width or precision at {@code i}: '*' takes a long argument, else digits. Returns the index after it. */
    private static int count(String format, int i, StringBuilder out) {
        if (i < format.length() && format.charAt(i) == '*') {
            out.append('l');
            return i + 1;
        }
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
            i++;
        }
        return i;
    }
}
