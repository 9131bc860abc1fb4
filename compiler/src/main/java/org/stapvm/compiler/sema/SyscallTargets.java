package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.ast.TargetStep;
import org.stapvm.probes.UserPoint;

/**
 * Target expressions in the probes stap builds on utrace (process .begin, .end, .thread.begin,
 * .thread.end, .syscall, .syscall.return), with stap's tapset-utrace rules and wording: in
 * .syscall, $syscall, $arg1..$arg6 and $$parms; in .syscall.return, $syscall and $return. Each
 * stands for a call of a runtime helper (at a syscall-exit stop orig_rax still holds the number,
 * so $syscall needs no entry probe to cache it, unlike stap). Other probes have no target symbols
 * here: the caller keeps "unresolved target-symbol expression" for them.
 */
final class SyscallTargets {
    private SyscallTargets() {}

    /**
     * What a target means: the expression it stands for, or stap's reason why it has none, reported
     * at {@code errorAt}/{@code errorToken} when stap names a part of the expression (a '->' step),
     * else (null) at the expression itself.
     */
    record Meaning(Expression value, String error, SourcePos errorAt, String errorToken) {
        Meaning(Expression value, String error) {
            this(value, error, null, null);
        }

        /** The meaning of a member chain that does not fit its types. */
        static Meaning of(KernelTargetChain.ChainError e) {
            return new Meaning(null, e.getMessage(), e.at, e.token);
        }

        /** Where the error is reported: the failing step, or {@code t} itself. */
        SourcePos errorPos(Expression t) {
            return errorAt != null ? errorAt : t.pos();
        }

        String errorToken(Expression t) {
            return errorToken != null ? errorToken : Describe.token(t);
        }
    }

    private static final Set<UserPoint.Event> UTRACE = Set.of(UserPoint.Event.BEGIN, UserPoint.Event.END,
            UserPoint.Event.THREAD_BEGIN, UserPoint.Event.THREAD_END, UserPoint.Event.SYSCALL,
            UserPoint.Event.SYSCALL_RETURN);
    private static final String ENTRY = "only \"process(PATH_OR_PID).syscall\"";

    /** The event of a utrace-family probe, or null when the unit is not one. */
    static UserPoint.Event event(Unit u) {
        UserPoint p = u.probe() == null ? null : u.probe().spec().user();
        return p != null && UTRACE.contains(p.event()) ? p.event() : null;
    }

    /**
     * What {@code t} means in a probe of {@code event} (one of the utrace family); null for
     * @cast, @var and the like, which are not utrace's to judge.
     */
    static Meaning of(UserPoint.Event event, Expression.Target t) {
        if (!(t.base() instanceof TargetBase.Variable v)) {
            return null;
        }
        String name = v.name();
        if (event != UserPoint.Event.SYSCALL && event != UserPoint.Event.SYSCALL_RETURN) {
            return error(ENTRY + " and \"process(PATH_OR_PID).syscall.return\" probes support target symbols");
        }
        if (t.addressOf()) {
            return error("cannot take address of utrace variable");
        }
        boolean arg = name.startsWith("$arg") || name.equals("$$parms");
        if (arg && event != UserPoint.Event.SYSCALL) {
            return error(ENTRY + " support $argN or $$parms.");
        }
        if (name.equals("$$parms")) {
            return value(parms(t.pos()));
        }
        if (!arg && !name.equals("$syscall") && !name.equals("$return")) {
            return error("invalid target symbol for utrace probe, $syscall, $return, $argN or $$parms expected");
        }
        String components = components(name, t);
        if (components != null) {
            return error(components);
        }
        if (arg) {
            int n = argNumber(name);
            return n < 1 || n > 6 ? error("invalid syscall argument number (1-6)")
                    : value(call(t.pos(), "_utrace_syscall_arg", n));
        }
        if (name.equals("$return") && event != UserPoint.Event.SYSCALL_RETURN) {
            return error("only \"process(PATH_OR_PID).syscall.return\" support $return.");
        }
        return value(call(t.pos(), name.equals("$return") ? "_utrace_syscall_return" : "_utrace_syscall_nr", -1));
    }

    /** stap's error for storing into a target that has a meaning: these are all read-only. */
    static String readOnly(Expression.Target t) {
        String name = ((TargetBase.Variable) t.base()).name();
        return "utrace '" + (name.startsWith("$arg") ? "$argN" : name) + "' variable is read-only";
    }

    /** stap's assert_no_components: a plain number has no members, elements or pretty form. */
    private static String components(String name, Expression.Target t) {
        if (!t.steps().isEmpty()) {
            return "utrace variable '" + name + "' may not be used as "
                    + (t.steps().get(0) instanceof TargetStep.Member ? "a structure" : "array");
        }
        return t.prettyDollars() > 0 ? "utrace variable '" + name + "' may not be pretty-printed" : null;
    }

    private static int argNumber(String name) {
        try {
            return Integer.parseInt(name.substring("$arg".length()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** $$parms as stap expands it: sprintf("$arg1=%#x ... $arg6=%#x", $arg1, ..., $arg6). */
    private static Expression parms(SourcePos pos) {
        List<String> fmt = new ArrayList<>();
        List<Expression> args = new ArrayList<>();
        args.add(null);
        for (int i = 1; i <= 6; i++) {
            fmt.add("$arg" + i + "=%#x");
            args.add(call(pos, "_utrace_syscall_arg", i));
        }
        args.set(0, new Expression.StringLiteral(pos, String.join(" ", fmt)));
        return new Expression.Call(pos, "sprintf", args);
    }

    /** A call of helper {@code fn} at {@code pos}, with the one number argument {@code n} unless negative. */
    private static Expression.Call call(SourcePos pos, String fn, int n) {
        return new Expression.Call(pos, fn, n < 0 ? List.of() : List.of(new Expression.NumberLiteral(pos, n)));
    }

    private static Meaning value(Expression e) {
        return new Meaning(e, null);
    }

    private static Meaning error(String why) {
        return new Meaning(null, why);
    }
}
