package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;

/**
 * The kernel probe points stapvm.ko places with kprobes and kretprobes:
 * kernel.function("PATTERN")[.return], kprobe.function("NAME")[.return],
 * module("M").function("PATTERN")[.return] (also under kernel. and kprobe.), and
 * kprobe.statement(ADDR).absolute. kernel.function(...).call is {@link KernelCallProbes}.
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
    public List<String> types() {
        List<String> out = new java.util.ArrayList<>();
        for (String head : List.of("kernel.", "kprobe.", "module(string).", "kernel.module(string).", "kprobe.module(string).")) {
            out.add(head + "function(string)");
            out.add(head + "function(string).return");
        }
        out.add("kprobe.statement(number).absolute");
        return out;
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
            String pp = "kprobe.statement(0x" + Long.toHexString(n.value()) + ").absolute";
            return List.of(ProbeSpec.kernel(false, pp, ProbeRecord.kernelStatement(pp, n.value())));
        }
        String pattern = KernelFunctionNames.pattern(cs, head, fail);
        if (pattern == null) {
            return null;
        }
        int i = head.function();
        if (cs.size() > i + 1) {
            ProbePoint.Component c = cs.get(i + 1);
            if (!c.name().equals("return") || c.argument() != null || cs.size() > i + 2) {
                fail.accept(new Failure("probe point mismatch" + Similar.clause(c.name(), List.of("return", "call")), c));
                return null;
            }
        }
        String suffix = cs.size() > i + 1 ? ".return" : "";
        return KernelFunctionNames.expand(head, pattern, suffix, context.target().kernelSymbols(), fail);
    }
}
