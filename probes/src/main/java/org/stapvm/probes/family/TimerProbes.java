package org.stapvm.probes.family;

import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;

/**
 * timer.UNIT(N)[.randomize(M)] (s, ms, us, ns, hz, jiffies and the long spellings), placed by
 * every runtime; timer.profile, every CPU at the tick rate, by stapvm.ko only. Checks arguments
 * and ranges with stap's messages (tapset-timers.cxx).
 */
public final class TimerProbes implements ProbeProvider {
    /** In the order stap offers them as suggestions. */
    private static final List<String> TIMER_UNITS =
            List.of("s", "ms", "ns", "us", "hz", "jiffies", "sec", "msec", "nsec", "usec");
    /** Nanoseconds per unit for the high-resolution timers. */
    private static final Map<String, Long> SCALE = Map.of("s", 1_000_000_000L, "sec", 1_000_000_000L,
            "ms", 1_000_000L, "msec", 1_000_000L, "us", 1_000L, "usec", 1_000L, "ns", 1L, "nsec", 1L);
    private static final long MIN_NS = 100_000L;
    private static final long MAX_NS = 86_400L * 1_000_000_000L;

    @Override
    public List<String> roots() {
        return List.of("timer");
    }

    @Override
    public List<String> types() {
        return Stream.concat(Stream.of("timer.profile"), TIMER_UNITS.stream()
                .flatMap(u -> u.equals("hz") ? Stream.of("timer.hz(number)")
                        : Stream.of("timer." + u + "(number)", "timer." + u + "(number).randomize(number)")))
                .toList();
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        ProbeSpec spec = timer(p, context, fail);
        return spec == null ? null : List.of(spec);
    }

    private static ProbeSpec timer(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        ProbePoint.Component root = cs.get(0);
        if (cs.size() < 2 || root.argument() != null) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause("timer", context.nativeRoots()), root));
            return null;
        }
        ProbePoint.Component unitC = cs.get(1);
        String unit = unitC.name();
        if (unit.equals("profile") && unitC.argument() == null && cs.size() == 2) {
            // every CPU at the tick rate: stapvm.ko's per-CPU timers, so a kernel probe point
            return ProbeSpec.kernel(false, "timer.profile", ProbeRecord.of(ProbeKind.TIMER_PROFILE, "timer.profile"));
        }
        Long value = unitC.argument() == null ? null : Arguments.number(unitC.argument());
        if (!TIMER_UNITS.contains(unit) || value == null) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause(unit, TIMER_UNITS), unitC));
            return null;
        }
        long rand = 0;
        if (cs.size() > 2) {
            ProbePoint.Component r = cs.get(2);
            Long rv = r.argument() == null ? null : Arguments.number(r.argument());
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
            return ProbeSpec.timer(unit, value, 0, rand, ProbeRecord.timer(pp(unit, value, rand), value, rand, true));
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
        // the jitter in ns, as the userspace runtime scales it (hz: a fraction of the period)
        long jitterNs = unit.equals("hz") ? rand * periodNs / value : rand * scale;
        return ProbeSpec.timer(unit, value, periodNs, rand, ProbeRecord.timer(pp(unit, value, rand), periodNs, jitterNs, false));
    }

    /** What pp() prints for a timer: the point as written, without its spelling of the numbers. */
    private static String pp(String unit, long value, long rand) {
        return "timer." + unit + "(" + value + ")" + (rand != 0 ? ".randomize(" + rand + ")" : "");
    }
}
