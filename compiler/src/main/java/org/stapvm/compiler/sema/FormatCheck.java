package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.stapvm.lang.PrintFormat;
import org.stapvm.lang.ast.Expression;

/**
 * printf/sprintf: the literal format is split into conversions ({@link PrintFormat}, whose
 * rejections the parser reports), and the arguments are checked against them (count, then each
 * type, with stap's messages). A format that is not a literal string is checked only for being
 * a string.
 */
public final class FormatCheck {
    private FormatCheck() {}

    /** One conversion's demand: an argument of this type ('*' widths demand a long too); null if invalid. */
    static List<Type> conversions(String format) {
        String args = PrintFormat.arguments(format);
        if (args == null) {
            return null;
        }
        List<Type> out = new ArrayList<>();
        for (char c : args.toCharArray()) {
            out.add(c == 's' ? Type.STRING : Type.LONG);
        }
        return out;
    }

    /**
     * Checks one printf/sprintf call. {@code visit} types an argument against an expected type
     * (reporting its own mismatches); {@code diags} is null in rounds that must stay silent.
     */
    static void check(Expression.Call call, BiFunction<Expression, Type, Type> visit, Diagnostics diags) {
        Expression format = call.args().get(0);
        List<Expression> rest = call.args().subList(1, call.args().size());
        if (!(format instanceof Expression.StringLiteral lit)) {
            visit.apply(format, Type.STRING);
            rest.forEach(a -> visit.apply(a, null));
            return;
        }
        List<Type> wants = conversions(lit.value());
        if (wants == null) {
            if (diags != null) {
                diags.addError("invalid or missing conversion specifier", Describe.token(format), format.pos());
            }
            rest.forEach(a -> visit.apply(a, null));
            return;
        }
        if (wants.size() != rest.size()) {
            if (diags != null) {
                diags.addError("Wrong number of args to formatted print operator", Describe.token(call), call.pos());
            }
            rest.forEach(a -> visit.apply(a, null));
            return;
        }
        for (int i = 0; i < rest.size(); i++) {
            Expression arg = rest.get(i);
            Type got = visit.apply(arg, wants.get(i));
            if (diags != null && got != null && got != wants.get(i)) {
                // stap's print_format checks the typed argument again, after the argument's own
                // report: a second error from the same place, which stap counts as suppressed.
                diags.addError("type mismatch: expected " + wants.get(i).text + " but found " + got.text,
                        Describe.token(arg), arg.pos());
            }
        }
    }
}
