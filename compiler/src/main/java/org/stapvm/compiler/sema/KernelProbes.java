package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeRecord;

/**
 * The kernel probe points stapvm.ko provides: kernel.function("PATTERN")[.call][.return],
 * kprobe.function("NAME")[.return], module("M").function("PATTERN")[.return] (also under kprobe.),
 * kprobe.statement(ADDR).absolute. Function wildcards are expanded here against
 * {@link KernelSymbols}; each match becomes one spec with its probe record (docs/bytecode.md, "Probe
 * kinds"), members of a wildcard marked optional so the kernel skips the ones it refuses.
 */
final class KernelProbes {
    private KernelProbes() {}

    static List<ProbeSpec> resolve(ProbePoint p, Consumer<ProbePoints.Failure> fail) {
        List<ProbePoint.Component> cs = p.components();
        ProbePoint.Component root = cs.get(0);
        int i = 1;
        String module = "";
        boolean kprobe = root.name().equals("kprobe");
        if (root.argument() != null && !root.name().equals("module")) {
            fail.accept(new ProbePoints.Failure("probe point mismatch", root));
            return null;
        }
        if (root.name().equals("module")) {
            module = string(root.argument());
            i = 1;
        } else if (cs.size() > 1 && cs.get(1).name().equals("module")) {
            module = string(cs.get(1).argument());
            i = 2;
        }
        if (module == null || module.isEmpty() && (root.name().equals("module") || i == 2)) {
            fail.accept(new ProbePoints.Failure("probe point mismatch", root));
            return null;
        }
        if (kprobe && i == 1 && cs.size() == 3 && cs.get(1).name().equals("statement")
                && cs.get(2).name().equals("absolute") && cs.get(2).argument() == null
                && cs.get(1).argument() instanceof Expression.NumberLiteral n) {
            return List.of(ProbeSpec.kernel(ProbeRecord.kernelStatement(
                    "kprobe.statement(0x" + Long.toHexString(n.value()) + ").absolute", n.value())));
        }
        if (cs.size() <= i || !cs.get(i).name().equals("function") || string(cs.get(i).argument()) == null) {
            ProbePoint.Component bad = cs.size() > i ? cs.get(i) : root;
            fail.accept(new ProbePoints.Failure("probe point mismatch" + Similar.clause(bad.name(),
                    List.of("function", "statement", "module")), bad));
            return null;
        }
        String pattern = string(cs.get(i).argument());
        boolean ret = false;
        for (int k = i + 1; k < cs.size(); k++) {
            ProbePoint.Component c = cs.get(k);
            boolean ok = c.argument() == null && (c.name().equals("return") || c.name().equals("call") && !kprobe);
            if (!ok || k + 1 < cs.size() && c.name().equals("return")) {
                fail.accept(new ProbePoints.Failure("probe point mismatch" + Similar.clause(c.name(),
                        List.of("return", "call")), c));
                return null;
            }
            ret |= c.name().equals("return");
        }
        String prefix = kprobe ? "kprobe." : "kernel.";
        String where = module.isEmpty() ? "" : "module(\"" + module + "\").";
        String suffix = ret ? ".return" : "";
        KernelSymbols syms = KernelSymbols.target();
        String mod = module.isEmpty() ? null : module;
        List<ProbeSpec> specs = new ArrayList<>();
        if (!KernelSymbols.isGlob(pattern)) {
            // kprobe.* and symbol-less targets: the kernel resolves the name when it registers the probe
            if (!kprobe && syms.available() && syms.match(pattern, module).isEmpty()) {
                fail.accept(new ProbePoints.Failure("no match", null));
                return null;
            }
            specs.add(ProbeSpec.kernel(ProbeRecord.kernelFunction(prefix + where + "function(\"" + pattern + "\")" + suffix,
                    mod, pattern, ret, false)));
        } else {
            for (String name : syms.match(pattern, module)) {
                specs.add(ProbeSpec.kernel(ProbeRecord.kernelFunction(prefix + where + "function(\"" + name + "\")" + suffix,
                        mod, name, ret, true)));
            }
            if (specs.isEmpty()) {
                fail.accept(new ProbePoints.Failure("no match", null));
                return null;
            }
        }
        return List.copyOf(specs);
    }

    private static String string(Expression e) {
        return e instanceof Expression.StringLiteral s ? s.value() : null;
    }
}
