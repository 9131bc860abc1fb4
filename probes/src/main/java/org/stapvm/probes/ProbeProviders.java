package org.stapvm.probes;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.family.BeginEndProbes;
import org.stapvm.probes.family.JavaProbes;
import org.stapvm.probes.family.KernelCallProbes;
import org.stapvm.probes.family.KernelExportedProbes;
import org.stapvm.probes.family.KernelFunctionProbes;
import org.stapvm.probes.family.KernelTraceProbes;
import org.stapvm.probes.family.ProcessProbes;
import org.stapvm.probes.family.ProcfsProbes;
import org.stapvm.probes.family.TimerProbes;

/** The registry: every probe family stapvm knows, asked in order which one takes a point. */
public final class ProbeProviders {
    /** In stap's suggestion order; a suffix family before the family it refines. */
    private static final List<ProbeProvider> STANDARD = List.of(new BeginEndProbes(), new TimerProbes(),
            new ProcessProbes(), new JavaProbes(), new ProcfsProbes(), new KernelTraceProbes(), new KernelCallProbes(), new KernelExportedProbes(),
            new KernelFunctionProbes());

    private final List<ProbeProvider> providers;

    public ProbeProviders(List<ProbeProvider> providers) {
        this.providers = List.copyOf(providers);
    }

    public static ProbeProviders standard() {
        return new ProbeProviders(STANDARD);
    }

    /**
     * Every point shape the families take, in the order of stap's --dump-probe-types: its walk of the
     * point tree, component by component (so process.begin comes before process(string).begin).
     */
    public java.util.SortedSet<String> types() {
        java.util.SortedSet<String> all = new java.util.TreeSet<>(ProbeProviders::byComponents);
        providers.forEach(p -> all.addAll(p.types()));
        return all;
    }

    private static int byComponents(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    /** The root names stap offers as suggestions, in its order. */
    public List<String> suggestedRoots() {
        List<String> roots = new ArrayList<>();
        for (ProbeProvider p : providers) {
            if (p.suggested()) {
                p.roots().stream().filter(r -> !roots.contains(r)).forEach(roots::add);
            }
        }
        return roots;
    }

    /**
     * The points {@code point} stands for on {@code target} (never empty), or null after reporting
     * through {@code fail}; {@code aliasRoots} are the alias names offered as suggestions too.
     */
    public List<ProbeSpec> resolve(ProbePoint point, ProbeTarget target, List<String> aliasRoots,
                                   Consumer<ProbeProvider.Failure> fail) {
        ProbeContext context = new ProbeContext(target, suggestedRoots(), aliasRoots);
        for (ProbeProvider p : providers) {
            if (p.claims(point)) {
                return p.resolve(point, context, fail);
            }
        }
        ProbePoint.Component root = point.components().get(0);
        fail.accept(new ProbeProvider.Failure(context.rootMismatch(root.name()), root));
        return null;
    }
}
