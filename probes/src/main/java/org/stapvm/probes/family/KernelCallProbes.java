package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;

/**
 * kernel.function("PATTERN").call and module("M").function("PATTERN").call (also as
 * kernel.module("M")): stap's call sites, the function entries that are not inlined copies. Without
 * DWARF there are no inlined copies to leave out: every function entry the kernel's symbol table
 * lists, and kprobes accepts, is a call site, so these match what .function does and each match is
 * a kprobe on the entry; pp() keeps the ".call". kprobe.function has no .call, as in stap.
 */
public final class KernelCallProbes implements ProbeProvider {
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
        return List.of("kernel.function(string).call", "module(string).function(string).call",
                "kernel.module(string).function(string).call");
    }

    /** A point whose function component is followed by a bare "call". */
    @Override
    public boolean claims(ProbePoint point) {
        List<ProbePoint.Component> cs = point.components();
        int i = KernelFunctionNames.functionIndex(cs);
        return roots().contains(cs.get(0).name()) && cs.size() > i + 1 && cs.get(i).name().equals("function")
                && cs.get(i + 1).name().equals("call") && cs.get(i + 1).argument() == null;
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
            // stap: .call ends the point (no .call.return)
            fail.accept(new Failure("invalid suffix for probe", cs.get(head.function() + 2)));
            return null;
        }
        return KernelFunctionNames.expand(head, pattern, ".call", context.target().kernelSymbols(), fail);
    }
}
