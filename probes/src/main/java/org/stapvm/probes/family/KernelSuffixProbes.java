package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;

/**
 * What the kernel families of one bare suffix that ends the point share (kernel.function("P").SUFFIX,
 * module("M").function("P").SUFFIX, also as kernel.module("M")): the claim, stap's "invalid suffix
 * for probe" at anything after it, and the expansion, whose names the suffix may narrow
 * ({@link KernelFunctionNames#expand}). kprobe.function takes no such suffix, as in stap.
 */
abstract class KernelSuffixProbes implements ProbeProvider {
    private final String suffix;

    KernelSuffixProbes(String suffix) {
        this.suffix = suffix;
    }

    @Override
    public List<String> roots() {
        return List.of("kernel", "module");
    }

    @Override
    public boolean suggested() {
        return false;
    }

    @Override
    public List<String> types() {
        return List.of("kernel.function(string)." + suffix, "module(string).function(string)." + suffix,
                "kernel.module(string).function(string)." + suffix);
    }

    /** A point whose function component is followed by the bare suffix. */
    @Override
    public boolean claims(ProbePoint point) {
        List<ProbePoint.Component> cs = point.components();
        int i = KernelFunctionNames.functionIndex(cs);
        return roots().contains(cs.get(0).name()) && cs.size() > i + 1 && cs.get(i).name().equals("function")
                && cs.get(i + 1).name().equals(suffix) && cs.get(i + 1).argument() == null;
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        KernelFunctionNames.Head head = KernelFunctionNames.head(cs, fail);
        String pattern = head == null ? null : KernelFunctionNames.pattern(cs, head, fail);
        if (pattern == null) {
            return null;
        }
        if (cs.size() > head.function() + 2) {
            // stap: the suffix ends the point (no .call.return, no .exported.return)
            fail.accept(new Failure("invalid suffix for probe", cs.get(head.function() + 2)));
            return null;
        }
        return KernelFunctionNames.expand(head, pattern, "." + suffix, context.target().kernelSymbols(), fail);
    }
}
