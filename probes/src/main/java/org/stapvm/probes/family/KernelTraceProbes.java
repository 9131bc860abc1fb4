package org.stapvm.probes.family;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.symbols.KernelTracepoints;

/**
 * kernel.trace("NAME") and kernel.trace("SYSTEM:NAME"), either part a wildcard: one spec per
 * tracepoint of {@link KernelTracepoints}, placed by stapvm.ko with tracepoint_probe_register.
 * As stap, the point is printed with its subsystem, {@code kernel.trace("sched:sched_switch")};
 * nothing may follow it.
 */
public final class KernelTraceProbes implements ProbeProvider {
    @Override
    public List<String> roots() {
        return List.of("kernel");
    }

    @Override
    public boolean suggested() {
        return false;
    }

    @Override
    public boolean claims(ProbePoint point) {
        List<ProbePoint.Component> cs = point.components();
        return cs.size() >= 2 && cs.get(0).name().equals("kernel") && cs.get(0).argument() == null
                && cs.get(1).name().equals("trace");
    }

    @Override
    public List<String> types() {
        return List.of("kernel.trace(string)");
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        String pattern = Arguments.string(cs.get(1).argument());
        if (pattern == null) {
            fail.accept(new Failure("probe point mismatch", cs.get(1)));
            return null;
        }
        if (cs.size() > 2) {
            // stap: kernel.trace("NAME") ends the point
            fail.accept(new Failure("invalid suffix for probe", cs.get(2)));
            return null;
        }
        String name = pattern.substring(pattern.indexOf(':') + 1);
        if (name.isEmpty()) {
            fail.accept(new Failure("invalid tracepoint string provided", cs.get(1)));
            return null;
        }
        KernelTracepoints tracepoints = context.target().kernelTracepoints();
        List<KernelTracepoints.Tracepoint> matches = tracepoints.match(pattern);
        if (matches.isEmpty()) {
            List<String> names = tracepoints.all().stream().map(KernelTracepoints.Tracepoint::name).toList();
            String similar = Glob.hasWildcard(pattern) ? "" : Similar.suggest(name, names, 5);
            fail.accept(new Failure(similar.isEmpty() ? "no match"
                    : "no match (similar tracepoint" + (similar.contains(",") ? "s" : "") + ": " + similar + ")", null));
            return null;
        }
        boolean wildcard = Glob.hasWildcard(pattern);
        List<ProbeSpec> specs = new ArrayList<>();
        for (KernelTracepoints.Tracepoint t : matches) {
            String pp = "kernel.trace(\"" + t.qualified() + "\")";
            specs.add(ProbeSpec.kernel(false, pp + (wildcard ? "?" : ""),
                    ProbeRecord.tracepoint(pp, t.module().isEmpty() ? null : t.module(), t.name(), wildcard)));
        }
        return specs;
    }
}
