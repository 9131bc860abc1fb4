package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;

/**
 * The probe points the userspace runtime provides natively: begin, begin(N), end, end(N), error,
 * error(N), never, timer.UNIT(N)[.randomize(M)]; timer.profile (stapvm.ko only); kernel probe points go to {@link KernelProbes}. Checks arguments and ranges with stap's
 * messages (tapset-timers.cxx); anything else is a "probe point mismatch".
 */
public final class ProbePoints {
    private ProbePoints() {}

    static final List<String> ROOTS = List.of("begin", "end", "error", "never", "timer", "process");
    /** Kernel roots (KernelProbes): accepted, but not offered as "(similar: ...)" suggestions. */
    static final List<String> KERNEL_ROOTS = List.of("kernel", "kprobe", "module");
    /** In the order stap offers them as suggestions. */
    private static final List<String> TIMER_UNITS =
            List.of("s", "ms", "ns", "us", "hz", "jiffies", "sec", "msec", "nsec", "usec");
    /** Nanoseconds per unit for the high-resolution timers. */
    private static final Map<String, Long> SCALE = Map.of("s", 1_000_000_000L, "sec", 1_000_000_000L,
            "ms", 1_000_000L, "msec", 1_000_000L, "us", 1_000L, "usec", 1_000L, "ns", 1L, "nsec", 1L);
    private static final long MIN_NS = 100_000L;
    private static final long MAX_NS = 86_400L * 1_000_000_000L;

    /** A failure: the message and the component it is about (null: no place). */
    record Failure(String message, ProbePoint.Component at) {}

    public static boolean isRoot(String name) {
        return ROOTS.contains(name) || KERNEL_ROOTS.contains(name);
    }

    /**
     * Resolves a point whose first component is a native root; returns null and reports through
     * {@code fail} otherwise. {@code extraRoots} are alias names offered as suggestions.
     */
    static ProbeSpec resolve(ProbePoint p, List<String> extraRoots, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        ProbePoint.Component root = cs.get(0);
        switch (root.name()) {
            case "begin", "end", "error" -> {
                if (cs.size() > 1) {
                    fail.accept(new Failure("invalid suffix for probe", cs.get(1)));
                    return null;
                }
                ProbeSpec.Kind kind = root.name().equals("begin") ? ProbeSpec.Kind.BEGIN
                        : root.name().equals("end") ? ProbeSpec.Kind.END : ProbeSpec.Kind.ERROR;
                Long seq = root.argument() == null ? Long.valueOf(0) : number(root.argument());
                if (seq == null) {
                    fail.accept(new Failure(mismatch(root.name(), ROOTS, extraRoots), root));
                    return null;
                }
                return ProbeSpec.simple(kind, seq);
            }
            case "never" -> {
                if (cs.size() > 1) {
                    fail.accept(new Failure("invalid suffix for probe", cs.get(1)));
                    return null;
                }
                if (root.argument() != null) {
                    fail.accept(new Failure(mismatch(root.name(), ROOTS, extraRoots), root));
                    return null;
                }
                return ProbeSpec.simple(ProbeSpec.Kind.NEVER, 0);
            }
            case "timer" -> {
                return timer(p, fail);
            }
            default -> {
                fail.accept(new Failure(mismatch(root.name(), ROOTS, extraRoots), root));
                return null;
            }
        }
    }

    private static String mismatch(String name, List<String> roots, List<String> extra) {
        List<String> all = new ArrayList<>(roots);
        all.addAll(extra);
        return "probe point mismatch" + Similar.clause(name, all);
    }

    private static ProbeSpec timer(ProbePoint p, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        ProbePoint.Component root = cs.get(0);
        if (cs.size() < 2 || root.argument() != null) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause("timer", ROOTS), root));
            return null;
        }
        ProbePoint.Component unitC = cs.get(1);
        String unit = unitC.name();
        if (unit.equals("profile") && unitC.argument() == null && cs.size() == 2) {
            // every CPU at the tick rate: stapvm.ko's per-CPU timers, so a kernel probe point
            return ProbeSpec.kernel(ProbeRecord.of(ProbeKind.TIMER_PROFILE, "timer.profile"));
        }
        Long value = unitC.argument() == null ? null : number(unitC.argument());
        if (!TIMER_UNITS.contains(unit) || value == null) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause(unit, TIMER_UNITS), unitC));
            return null;
        }
        long rand = 0;
        if (cs.size() > 2) {
            ProbePoint.Component r = cs.get(2);
            Long rv = r.argument() == null ? null : number(r.argument());
            if (!r.name().equals("randomize") || rv == null || cs.size() > 3) {
                ProbePoint.Component bad = r.name().equals("randomize") && rv != null ? cs.get(3) : r;
                fail.accept(new Failure("probe point mismatch" + Similar.clause(bad.name(), List.of("randomize")), bad));
                return null;
            }
            rand = rv;
        }
        if (unit.equals("jiffies")) {
            if (value <= 0 || value > 1_000_000) {
                fail.accept(new Failure("invalid interval for jiffies timer", null));
                return null;
            }
            if (rand < 0 || rand > value) {
                fail.accept(new Failure("invalid randomize for jiffies timer", null));
                return null;
            }
            return new ProbeSpec(ProbeSpec.Kind.TIMER, 0, unit, value, 0, rand);
        }
        long scale;
        long periodNs;
        if (unit.equals("hz")) {
            scale = 1;
            periodNs = value <= 0 ? 0 : 1_000_000_000L / value;
        } else {
            scale = SCALE.get(unit);
            periodNs = value > MAX_NS / scale + 1 ? MAX_NS + 1 : value * scale;
        }
        if (rand < 0 || rand > value) {
            fail.accept(new Failure("randomization value out of range", null));
            return null;
        }
        if (periodNs < MIN_NS || periodNs > MAX_NS) {
            long lo = scale < MIN_NS ? MIN_NS / scale : 1;
            fail.accept(new Failure("interval value out of range (" + lo + ", " + MAX_NS / scale + ")", null));
            return null;
        }
        return new ProbeSpec(ProbeSpec.Kind.TIMER, 0, unit, value, periodNs, rand);
    }

    private static Long number(Expression e) {
        return e instanceof Expression.NumberLiteral n ? Long.valueOf(n.value()) : null;
    }
}
