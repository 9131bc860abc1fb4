package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;

/**
 * The kernel probe points stapvm.ko places with kprobes and kretprobes:
 * kernel.function("PATTERN")[.call][.return], kprobe.function("NAME")[.return],
 * module("M").function("PATTERN")[.return] (also under kernel. and kprobe.), and
 * kprobe.statement(ADDR).absolute; kernel.function(...).call is taken as the entry.
 */
public final class KernelFunctionProbes implements ProbeProvider {
    @Override
    public List<String> roots() {
        return List.of("kernel", "kprobe", "module");
    }

    @Override
    public boolean suggested() {
        return false;
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint p, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        KernelFunctionNames.Head head = KernelFunctionNames.head(cs, fail);
        if (head == null) {
            return null;
        }
        if (head.kprobe() && head.function() == 1 && cs.size() == 3 && cs.get(1).name().equals("statement")
                && cs.get(2).name().equals("absolute") && cs.get(2).argument() == null
                && cs.get(1).argument() instanceof Expression.NumberLiteral n) {
            return List.of(ProbeSpec.kernel(false, "kprobe.statement(0x" + Long.toHexString(n.value()) + ").absolute"));
        }
        String pattern = KernelFunctionNames.pattern(cs, head, fail);
        if (pattern == null) {
            return null;
        }
        int i = head.function();
        boolean ret = false;
        for (int k = i + 1; k < cs.size(); k++) {
            ProbePoint.Component c = cs.get(k);
            boolean ok = c.argument() == null && (c.name().equals("return") || c.name().equals("call") && !head.kprobe());
            if (!ok || k + 1 < cs.size() && c.name().equals("return")) {
                fail.accept(new Failure("probe point mismatch" + Similar.clause(c.name(), List.of("return", "call")), c));
                return null;
            }
            ret |= c.name().equals("return");
        }
        String suffix = ret ? ".return" : "";
        return KernelFunctionNames.expand(head, pattern, suffix, context.target().kernelSymbols(), fail);
    }
}
