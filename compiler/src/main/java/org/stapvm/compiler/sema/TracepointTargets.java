package org.stapvm.compiler.sema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.BtfGraph;
import org.stapvm.probes.btf.BtfKind;
import org.stapvm.probes.btf.BtfType;
import org.stapvm.probes.btf.KernelBtf;
import org.stapvm.probes.symbols.TraceHeaders;

/**
 * Target expressions of kernel.trace probes, with stap's rules and words (tapsets.cxx,
 * tracepoint_var_expanding_visitor): {@code $NAME} is the tracepoint's argument of that name (its
 * TP_PROTO's, typed by BTF's {@code btf_trace_NAME} prototype), read by position with
 * {@code _tracepoint_arg} and narrowed to its type, member chains as for kernel functions;
 * {@code $$name} and {@code $$system} the tracepoint's; {@code $$parms} and {@code $$vars} every
 * argument as "name=%p" (pointers) or "name=%#x"; {@code $NAME$}, {@code $$parms$} pretty-printed
 * ({@link KernelTargetPretty}).
 */
final class TracepointTargets {
    private TracepointTargets() {}

    /** At most this many arguments are handed to a probe (stapvm.ko's callback, as BPF's bpf_trace_run12). */
    static final int MAX_ARGS = 12;

    /** One tracepoint probe: its name, subsystem ("" unknown) and the module whose BTF describes it ("" the kernel). */
    record Point(String name, String system, String module) {}

    /** The tracepoint {@code u} is on, or null when it is no kernel.trace probe. */
    static Point point(Unit u) {
        ProbeRecord r = u.probe() == null ? null : u.probe().spec().record();
        if (r == null || r.kind() != ProbeKind.TRACEPOINT) {
            return null;
        }
        String quoted = r.pp().substring(r.pp().indexOf('"') + 1, r.pp().lastIndexOf('"'));
        int colon = quoted.indexOf(':');
        return new Point(r.symbol(), colon < 0 ? "" : quoted.substring(0, colon), r.module() == null ? "" : r.module());
    }

    /** The BTF and signature of {@code p} (argument names from its header when it has one), or null when BTF has none. */
    static Typed typed(Point p, String release) throws IOException {
        Btf btf = KernelBtf.forRelease(release).module(p.module()).orElse(null);
        if (btf == null) {
            return null;
        }
        TraceHeaders.Event e = TraceHeaders.of(release).event(p.name());
        BtfFunctions.Signature sig = BtfFunctions.tracepoint(btf, p.name(), e == null ? null : e.params());
        return sig == null ? null : new Typed(btf, sig);
    }

    record Typed(Btf btf, BtfFunctions.Signature sig) {
        /** Whether stap can use the argument: a pointer, array, scalar, or struct passed by value. */
        boolean usable(BtfFunctions.Param p) {
            BtfType t = BtfGraph.strip(btf, p.type());
            return t != null && !p.name().isEmpty() && switch (t.kind()) {
                case INT, ENUM, ENUM64, PTR, ARRAY, STRUCT, UNION -> true;
                default -> false;
            };
        }

        boolean isPointer(BtfFunctions.Param p) {
            BtfType t = BtfGraph.strip(btf, p.type());
            return t != null && (t.kind() == BtfKind.PTR || t.kind() == BtfKind.ARRAY);
        }
    }

    /** What {@code t} means in tracepoint probe {@code p}. */
    static SyscallTargets.Meaning of(Point p, Expression.Target t, String release) {
        if (!(t.base() instanceof TargetBase.Variable v)) {
            return null;
        }
        String name = v.name();
        try {
            if (name.equals("$$name") || name.equals("$$system") || name.equals("$$parms") || name.equals("$$vars")) {
                if (t.addressOf()) {
                    return error("cannot take address of context variable");
                }
                if (!t.steps().isEmpty()) {
                    return error("invalid access for tracepoint '" + name + "'");
                }
                if (name.equals("$$name") || name.equals("$$system")) {
                    return value(new Expression.StringLiteral(t.pos(), name.equals("$$name") ? p.name() : p.system()));
                }
                Typed typed = typed(p, release);
                if (typed == null) {
                    return error(noBtf(p));
                }
                return value(parms(typed, t.pos(), t.prettyDollars()));
            }
            Typed typed = typed(p, release);
            if (typed == null) {
                return error(noBtf(p));
            }
            return value(argument(typed, t, name.substring(1)));
        } catch (IOException e) {
            return error(e.getMessage());
        } catch (KernelTargetChain.ChainError e) {
            return SyscallTargets.Meaning.of(e);
        }
    }

    private static String noBtf(Point p) {
        return "cannot find the arguments of tracepoint '" + p.name() + "' in the kernel's BTF";
    }

    private static Expression argument(Typed typed, Expression.Target t, String local) throws KernelTargetChain.ChainError {
        List<BtfFunctions.Param> params = typed.sig().params();
        for (int i = 0; i < params.size(); i++) {
            BtfFunctions.Param p = params.get(i);
            if (!p.name().equals(local) || !typed.usable(p)) {
                continue;
            }
            if (t.steps().isEmpty() && t.addressOf()) {
                throw new KernelTargetChain.ChainError("cannot take address of tracepoint variable");
            }
            if (t.prettyDollars() > 0) {
                return KernelTargets.pretty(typed.btf(), t, raw(typed, i, t.pos(), local), p.type());
            }
            return KernelTargetChain.fromValue(typed.btf(), t.pos(), raw(typed, i, t.pos(), local), p.type(),
                    t.steps(), t.addressOf());
        }
        TreeSet<String> vars = new TreeSet<>();
        for (BtfFunctions.Param p : params) {
            vars.add("$" + p.name());
        }
        vars.add("$$name");
        vars.add("$$parms");
        vars.add("$$vars");
        String sugs = Similar.suggest("$" + local, vars, Integer.MAX_VALUE);
        throw new KernelTargetChain.ChainError("unable to find tracepoint variable '$" + local + "'"
                + (sugs.isEmpty() ? "" : " (alternatives: " + sugs + ")"));
    }

    /** Argument {@code i} (0-based) as the tracepoint passed it: one 8-byte slot each, as long as every one before fits one. */
    private static Expression raw(Typed typed, int i, SourcePos pos, String local) throws KernelTargetChain.ChainError {
        List<BtfFunctions.Param> params = typed.sig().params();
        for (int j = 0; j <= i; j++) {
            BtfType t = BtfGraph.strip(typed.btf(), params.get(j).type());
            if (t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION)) {
                throw new KernelTargetChain.ChainError("cannot read $" + local + ": "
                        + (j == i ? "it is" : "$" + params.get(j).name() + " before it is") + " a structure passed by value");
            }
        }
        if (i >= MAX_ARGS) {
            throw new KernelTargetChain.ChainError("cannot read $" + local + ": stapvm reads the first " + MAX_ARGS
                    + " arguments of a tracepoint");
        }
        return new Expression.Call(pos, "_tracepoint_arg", List.of(new Expression.NumberLiteral(pos, i + 1)));
    }

    /**
     * $$parms as stap writes it for a tracepoint: "name=%p" for pointers, "name=%#x" otherwise, "name=?"
     * unreadable; with {@code pretty} dollars ($$parms$, $$parms$$) "name=%s" of each $name$ ($name$$).
     */
    private static Expression parms(Typed typed, SourcePos pos, int pretty) throws KernelTargetChain.ChainError {
        StringBuilder fmt = new StringBuilder();
        List<Expression> args = new ArrayList<>();
        List<BtfFunctions.Param> params = typed.sig().params();
        for (int i = 0; i < params.size(); i++) {
            BtfFunctions.Param p = params.get(i);
            if (!typed.usable(p)) {
                continue;
            }
            if (i > 0) {
                fmt.append(' ');
            }
            fmt.append(p.name());
            Expression raw;
            try {
                raw = raw(typed, i, pos, p.name());
            } catch (KernelTargetChain.ChainError e) {
                fmt.append("=?");
                continue;
            }
            fmt.append(pretty > 0 ? "=%s" : typed.isPointer(p) ? "=%p" : "=%#x");
            Expression r = raw;
            args.add(pretty > 0
                    ? KernelTargetPretty.of(typed.btf(), pos, p.type(),
                            steps -> KernelTargetChain.fromValue(typed.btf(), pos, r, p.type(), steps, false), pretty > 1)
                    : KernelTargetChain.fromValue(typed.btf(), pos, raw, p.type(), List.of(), false));
        }
        List<Expression> all = new ArrayList<>();
        all.add(new Expression.StringLiteral(pos, fmt.toString()));
        all.addAll(args);
        return new Expression.Call(pos, "sprintf", all);
    }

    private static SyscallTargets.Meaning value(Expression e) {
        return new SyscallTargets.Meaning(e, null);
    }

    private static SyscallTargets.Meaning error(String why) {
        return new SyscallTargets.Meaning(null, why);
    }
}
