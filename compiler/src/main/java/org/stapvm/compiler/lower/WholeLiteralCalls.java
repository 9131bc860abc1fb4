package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.Expression;

/**
 * stap's tapset marks strlen, isinstr and strpos {@code unmodified-fnargs}: a string literal given
 * to them is read in place, whole, where a variable holds at most MAXSTRINGLEN-1 bytes (with
 * {@code -D MAXSTRINGLEN=8}, {@code strlen("abcdefghijkl")} is 12). A register cannot hold such a
 * literal, so when every argument is a constant and one is longer than a register, the call's
 * value is worked out here; every other call runs the runtime's helper.
 */
final class WholeLiteralCalls {
    private WholeLiteralCalls() {}

    /** The value of call {@code c} to builtin {@code name} read whole, or null where the runtime's helper gives it. */
    static Long value(String name, Expression.Call c, FormatLowering room) {
        List<String> args = new ArrayList<>();
        boolean tooLong = false;
        for (Expression a : c.args()) {
            String s = Optimize.stringConstant(a);
            if (s == null) {
                return null;
            }
            tooLong |= room.tooLong(s);
            args.add(s);
        }
        if (!tooLong) {
            return null;
        }
        return switch (name) {
            case "strlen" -> args.size() == 1 ? (long) args.get(0).length() : null;
            case "isinstr" -> args.size() == 2 ? (args.get(0).contains(args.get(1)) ? 1L : 0L) : null;
            case "strpos" -> args.size() == 2 ? (long) args.get(0).indexOf(args.get(1)) : null;
            default -> null;
        };
    }
}
