package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.Expression;

/**
 * stap's tapset marks strlen, isinstr, strpos, substr, stringat and strtol {@code unmodified-fnargs}:
 * a string literal given to them is read in place, whole, where a variable holds at most
 * MAXSTRINGLEN-1 bytes (with {@code -D MAXSTRINGLEN=8}, {@code strlen("abcdefghijkl")} is 12). A
 * register cannot hold such a literal, so when every argument is a constant and a string one is
 * longer than a register, the call's value is worked out here; every other call runs the runtime's
 * helper (so does a call that fails, for the helper's error).
 */
final class WholeLiteralCalls {
    private WholeLiteralCalls() {}

    /** The constant arguments of {@code c} (String or Long), or null where one is not constant or no string is too long. */
    private static List<Object> args(Expression.Call c, FormatLowering room, ExpressionLowering exprs) {
        List<Object> args = new ArrayList<>();
        boolean tooLong = false;
        for (Expression a : c.args()) {
            String s = Optimize.stringConstant(a);
            if (s != null) {
                tooLong |= room.tooLong(s);
                args.add(s);
                continue;
            }
            Long k = exprs.constant(a);
            if (k == null) {
                return null;
            }
            args.add(k);
        }
        return tooLong ? args : null;
    }

    private static boolean shape(List<Object> args, Class<?>... types) {
        if (args.size() != types.length) {
            return false;
        }
        for (int i = 0; i < types.length; i++) {
            if (!types[i].isInstance(args.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** The value of int-valued call {@code c} to builtin {@code name} read whole, or null where the runtime's helper gives it. */
    static Long value(String name, Expression.Call c, FormatLowering room, ExpressionLowering exprs) {
        List<Object> a = args(c, room, exprs);
        if (a == null) {
            return null;
        }
        switch (name) {
            case "strlen":
                return shape(a, String.class) ? (long) ((String) a.get(0)).length() : null;
            case "isinstr":
                return shape(a, String.class, String.class) ? (((String) a.get(0)).contains((String) a.get(1)) ? 1L : 0L) : null;
            case "strpos":
                return shape(a, String.class, String.class) ? (long) ((String) a.get(0)).indexOf((String) a.get(1)) : null;
            case "stringat": {
                if (!shape(a, String.class, Long.class)) {
                    return null;
                }
                String s = (String) a.get(0);
                long pos = (Long) a.get(1);
                // out of bounds: the helper's "Position out of bounds" (the cut literal is out of bounds too)
                return pos >= 0 && pos < s.length() ? (long) (s.charAt((int) pos) & 0xff) : null;
            }
            case "strtol":
                return shape(a, String.class, Long.class) ? strtol((String) a.get(0), (Long) a.get(1)) : null;
            default:
                return null;
        }
    }

    /** The value of string-valued call {@code c} to builtin {@code name} read whole (at most MAXSTRINGLEN-1 bytes), or null. */
    static String text(String name, Expression.Call c, FormatLowering room, ExpressionLowering exprs, int maxStringLen) {
        List<Object> a = args(c, room, exprs);
        if (a == null || !name.equals("substr") || !shape(a, String.class, Long.class, Long.class)) {
            return null;
        }
        // string.stp: strlcpy(ret, str + start, clamp(length + 1, 0, MAXSTRINGLEN)) when 0 <= start < strlen(str)
        String s = (String) a.get(0);
        long start = (Long) a.get(1), length = (Long) a.get(2);
        long size = Math.max(0, Math.min(maxStringLen, length == Long.MAX_VALUE ? Long.MAX_VALUE : length + 1));
        if (start < 0 || start >= s.length() || size == 0) {
            return "";
        }
        return s.substring((int) start, (int) Math.min(s.length(), start + size - 1));
    }

    /** The kernel's simple_strtol, as runtime-native/vm/helpers.c's H_strtol. */
    private static long strtol(String s, long baseArg) {
        long base = baseArg & 0xffffffffL;
        int p = 0;
        boolean neg = at(s, 0) == '-';
        if (neg) {
            p++;
        }
        if (base == 0) {
            base = at(s, p) != '0' ? 10 : (at(s, p + 1) | 0x20) == 'x' && hex(at(s, p + 2)) < 16 ? 16 : 8;
        }
        if (base == 16 && at(s, p) == '0' && (at(s, p + 1) | 0x20) == 'x') {
            p += 2;
        }
        long v = 0;
        for (;; p++) {
            int d = hex(at(s, p));
            if (d >= 16 || d >= base) {
                break;
            }
            v = v * base + d;
        }
        return neg ? -v : v;
    }

    private static int at(String s, int i) {
        return i < s.length() ? s.charAt(i) & 0xff : 0;
    }

    private static int hex(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int l = c | 0x20;
        return l >= 'a' && l <= 'f' ? l - 'a' + 10 : 99;
    }
}
