package org.stapvm.compiler.sema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.lang.ast.TargetStep;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.BtfGraph;
import org.stapvm.probes.btf.BtfKind;
import org.stapvm.probes.btf.BtfType;
import org.stapvm.probes.btf.KernelBtf;

/**
 * Target expressions of kernel function probes, from BTF instead of DWARF: in
 * kernel.function("F") and module("M").function("F"), {@code $param} (read at entry from the
 * x86-64 argument registers and stack), member chains, {@code $$parms}/{@code $$vars}; in their
 * .return, {@code $return}, {@code $$return}, and every other target as its value at entry
 * ({@code @entry}, as stap saves them). {@code @cast(p, "T"[, "MODULE"])} works in every probe.
 * BTF names parameters only: a local ({@code $$locals}, a name that is no parameter) is an error
 * that says DWARF would be needed. kernel.trace probes' targets are {@link TracepointTargets}'.
 */
final class KernelTargets {
    private KernelTargets() {}

    /** The function a kernel probe is on: module ("" for the kernel), name, and whether .return. */
    record Point(String module, String function, boolean isReturn) {}

    private static final Pattern DESCRIPTOR = Pattern.compile(
            "kernel\\.(?:module\\(\"([^\"]*)\"\\)\\.)?function\\(\"([^\"*?\\[]+)\"\\)(\\.call)?(\\.return)?\\??");
    private static final Pattern MODULE_DESCRIPTOR = Pattern.compile(
            "module\\(\"([^\"]*)\"\\)\\.function\\(\"([^\"*?\\[]+)\"\\)(\\.call)?(\\.return)?\\??");

    /** The function probed by {@code u}, or null when it is no kernel.function/module().function probe. */
    static Point point(Unit u) {
        if (u.probe() == null || u.probe().spec().kind() != ProbeSpec.Kind.KERNEL) {
            return null;
        }
        String d = u.probe().spec().descriptor();
        Matcher m = d == null ? null : DESCRIPTOR.matcher(d);
        if (m == null || !m.matches()) {
            m = d == null ? null : MODULE_DESCRIPTOR.matcher(d);
            if (m == null || !m.matches()) {
                return null;
            }
        }
        return new Point(m.group(1) == null ? "" : m.group(1), m.group(2), m.group(4) != null);
    }

    /** What {@code t} means in {@code u}; null when kernel BTF has nothing to say (not a kernel probe, no @cast). */
    static SyscallTargets.Meaning of(Unit u, Expression.Target t, String release) {
        TracepointTargets.Point tp = TracepointTargets.point(u);
        if (tp != null && t.base() instanceof TargetBase.Variable) {
            return TracepointTargets.of(tp, t, release);
        }
        Point p = point(u);
        if (t.base() instanceof TargetBase.Cast c) {
            return cast(c, t, p == null ? "" : p.module(), release);
        }
        if (p == null || !(t.base() instanceof TargetBase.Variable v)) {
            return null;
        }
        try {
            Btf btf = btf(release, p.module());
            if (btf == null) {
                return error("cannot find BTF for module " + p.module() + " (stapvm reads kernel $variables from BTF)");
            }
            BtfFunctions.Signature sig = BtfFunctions.function(btf, p.function());
            if (sig == null) {
                return error("cannot find the parameters of " + p.function() + " in the kernel's BTF");
            }
            String name = v.name();
            boolean returnValue = name.equals("$return") || name.equals("$$return");
            if (returnValue && !p.isReturn()) {
                return error(notFound(name.substring(1), sig));
            }
            if (p.isReturn() && !returnValue) {
                Expression atEntry = entryValue(btf, sig, t, v);
                return value(new Expression.Entry(t.pos(), atEntry));
            }
            if (returnValue) {
                return value(returnValue(btf, sig, t, name));
            }
            return value(entryValue(btf, sig, t, v));
        } catch (IOException e) {
            return error(e.getMessage());
        } catch (KernelTargetChain.ChainError e) {
            return SyscallTargets.Meaning.of(e);
        }
    }

    private static Expression entryValue(Btf btf, BtfFunctions.Signature sig, Expression.Target t, TargetBase.Variable v)
            throws KernelTargetChain.ChainError {
        String name = v.name();
        if (name.equals("$$parms") || name.equals("$$vars") || name.equals("$$locals")) {
            if (t.addressOf()) {
                throw new KernelTargetChain.ChainError("cannot take address of context variable");
            }
            if (name.equals("$$locals")) {
                throw new KernelTargetChain.ChainError("$$locals needs the kernel's DWARF debuginfo: "
                        + "stapvm reads kernel function parameters from BTF, which has no local variables");
            }
            if (!t.steps().isEmpty()) {
                throw new KernelTargetChain.ChainError("context variable '" + name + "' may not be used as a structure");
            }
            return parms(btf, sig, t.pos(), t.prettyDollars());
        }
        String local = name.substring(1);
        for (BtfFunctions.Param p : sig.params()) {
            if (p.name().equals(local)) {
                int before = slotsBefore(btf, sig, p);
                if (before < 0) {
                    throw new KernelTargetChain.ChainError("cannot read $" + local + ": a parameter before it is passed by value on the stack");
                }
                Expression raw = new Expression.Call(t.pos(), "long_arg",
                        List.of(new Expression.NumberLiteral(t.pos(), before + 1)));
                if (t.prettyDollars() > 0) {
                    return pretty(btf, t, raw, p.type());
                }
                return KernelTargetChain.fromValue(btf, t.pos(), raw, p.type(), t.steps(), t.addressOf());
            }
        }
        throw new KernelTargetChain.ChainError(notFound(local, sig));
    }

    /**
     * The argument registers the parameters before {@code p} take (x86_64 SysV): one for a value of
     * at most 8 bytes, two for one of 9 to 16 (the kernel's structs have no floating-point members, so
     * both halves are INTEGER class: sockptr_t). -1 when one goes on the stack instead (wider than 16
     * bytes, or a pair that no longer fits in the six registers), as the slots after it are not known.
     */
    private static int slotsBefore(Btf btf, BtfFunctions.Signature sig, BtfFunctions.Param p) {
        int used = 0;
        for (BtfFunctions.Param q : sig.params()) {
            if (q == p) {
                return used;
            }
            long size = BtfGraph.sizeOf(btf, q.type());
            int regs = size <= 8 ? 1 : size <= 16 ? 2 : -1;
            if (regs < 0 || (regs == 2 && used + 2 > 6)) {
                return -1;
            }
            used += regs;
        }
        return used;
    }

    /** stap's error for a name that is no parameter, with the parameters as alternatives. */
    private static String notFound(String local, BtfFunctions.Signature sig) {
        List<String> names = new ArrayList<>();
        for (BtfFunctions.Param p : sig.params()) {
            if (!p.name().isEmpty()) {
                names.add("$" + p.name());
            }
        }
        String alternatives = Similar.suggest(local, names, Integer.MAX_VALUE);
        return "unable to find local '" + local + "' in " + sig.name()
                + (alternatives.isEmpty() ? "" : " (alternatives: " + alternatives + ")")
                + " (BTF describes parameters only; locals need DWARF)";
    }

    private static Expression returnValue(Btf btf, BtfFunctions.Signature sig, Expression.Target t, String name)
            throws KernelTargetChain.ChainError {
        if (sig.returnType() == 0) {
            if (name.equals("$$return")) {
                return sprintf(t.pos(), "", List.of()); // stap leaves a void function's return out
            }
            throw new KernelTargetChain.ChainError(notFound("return", sig));
        }
        Expression rax = new Expression.Call(t.pos(), "returnval", List.of());
        if (name.equals("$$return")) {
            Expression r = t.prettyDollars() > 0
                    ? KernelTargetPretty.of(btf, t.pos(), sig.returnType(),
                            steps -> KernelTargetChain.fromValue(btf, t.pos(), rax, sig.returnType(), steps, false),
                            t.prettyDollars() > 1)
                    : KernelTargetChain.fromValue(btf, t.pos(), rax, sig.returnType(), List.of(), false);
            return sprintf(t.pos(), t.prettyDollars() > 0 ? "return=%s" : "return=%#x", List.of(r));
        }
        if (t.prettyDollars() > 0) {
            return pretty(btf, t, rax, sig.returnType());
        }
        return KernelTargetChain.fromValue(btf, t.pos(), new Expression.Call(t.pos(), "returnval", List.of()),
                sig.returnType(), t.steps(), t.addressOf());
    }

    /**
     * $$parms as stap writes it: "a=%#x b=%#x", aggregates as {...} and arrays as [...]; with
     * {@code pretty} dollars ($$parms$, $$parms$$) each as "a=%s" of $a$ (or $a$$).
     */
    private static Expression parms(Btf btf, BtfFunctions.Signature sig, SourcePos pos, int pretty)
            throws KernelTargetChain.ChainError {
        StringBuilder fmt = new StringBuilder();
        List<Expression> args = new ArrayList<>();
        for (BtfFunctions.Param p : sig.params()) {
            if (p.name().isEmpty()) {
                continue;
            }
            if (fmt.length() > 0) {
                fmt.append(' ');
            }
            fmt.append(p.name());
            BtfType t = BtfGraph.strip(btf, p.type());
            boolean aggregate = t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION);
            if (aggregate && pretty == 0) {
                fmt.append("={...}");
                continue;
            }
            int before = slotsBefore(btf, sig, p);
            if (aggregate || before < 0) {
                fmt.append("=?");   // a structure passed by value: in registers, no address to read it from
                continue;
            }
            Expression raw = new Expression.Call(pos, "long_arg", List.of(new Expression.NumberLiteral(pos, before + 1)));
            fmt.append(pretty > 0 ? "=%s" : "=%#x");
            args.add(pretty > 0
                    ? KernelTargetPretty.of(btf, pos, p.type(),
                            steps -> KernelTargetChain.fromValue(btf, pos, raw, p.type(), steps, false), pretty > 1)
                    : KernelTargetChain.fromValue(btf, pos, raw, p.type(), List.of(), false));
        }
        return sprintf(pos, fmt.toString(), args);
    }

    /** @cast(address, "TYPE"[, "MODULE[:MODULE...]"]): the first module whose BTF has the type. */
    private static SyscallTargets.Meaning cast(TargetBase.Cast c, Expression.Target t, String probeModule, String release) {
        if (!(c.type() instanceof Expression.StringLiteral type)) {
            return null;
        }
        String given = c.module() instanceof Expression.StringLiteral m ? m.value() : probeModule;
        String modules = given.isEmpty() ? "kernel" : given;
        String firstError = null;
        for (String spec : modules.split(":")) {
            // "kernel<linux/sched.h>": the kernel's types, which stap builds from the header when it
            // lacks debuginfo; BTF has them. A header alone ("<linux/sched.h>") needs a C compiler.
            int header = spec.indexOf('<');
            String module = header < 0 ? spec : spec.substring(0, header);
            if (module.isEmpty()) {
                return error("@cast with a header (" + spec + ") needs a compiler: stapvm never builds C");
            }
            try {
                Btf btf = btf(release, module.equals("kernel") ? "" : module);
                BtfType found = btf == null ? null : BtfGraph.byTypeName(btf, type.value());
                if (found == null) {
                    continue;
                }
                if (t.prettyDollars() > 0) {
                    Btf b = btf;
                    int end = KernelTargetChain.castEndType(btf, t.pos(), found.id(), t.steps());
                    return value(KernelTargetPretty.of(btf, t.pos(), end, steps -> KernelTargetChain.fromCast(b,
                            t.pos(), c.address(), found.id(), concat(t.steps(), steps), false), t.prettyDollars() > 1));
                }
                return value(KernelTargetChain.fromCast(btf, t.pos(), c.address(), found.id(), t.steps(), t.addressOf()));
            } catch (IOException e) {
                firstError = firstError == null ? e.getMessage() : firstError;
            } catch (KernelTargetChain.ChainError e) {
                return SyscallTargets.Meaning.of(e);
            }
        }
        return error(firstError != null ? firstError : "type definition '" + type.value() + "' not found in '" + modules + "'");
    }

    /** $x$ / $x$$ (after its member chain) of a value of {@code type} held in {@code raw}. */
    static Expression pretty(Btf btf, Expression.Target t, Expression raw, int type) throws KernelTargetChain.ChainError {
        if (t.addressOf()) {
            throw new KernelTargetChain.ChainError("cannot take address of pretty-printed variable");
        }
        int end = KernelTargetChain.endType(btf, t.pos(), type, t.steps(), false);
        return KernelTargetPretty.of(btf, t.pos(), end,
                steps -> KernelTargetChain.fromValue(btf, t.pos(), raw, type, concat(t.steps(), steps), false),
                t.prettyDollars() > 1);
    }

    static List<TargetStep> concat(List<TargetStep> a, List<TargetStep> b) {
        List<TargetStep> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }

    private static Btf btf(String release, String module) throws IOException {
        KernelBtf k = KernelBtf.forRelease(release);
        Optional<Btf> b = k.module(module);
        return b.orElse(null);
    }

    private static Expression sprintf(SourcePos pos, String format, List<Expression> args) {
        List<Expression> all = new ArrayList<>();
        all.add(new Expression.StringLiteral(pos, format));
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
