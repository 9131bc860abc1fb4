package org.stapvm.probes.family;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeProvider.Failure;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.symbols.KernelSymbols;

/**
 * What the kernel function families share: the head of their points ({@code kernel.},
 * {@code kprobe.}, {@code module("M").}, {@code kernel.module("M").} before {@code function}), and
 * the expansion of a function pattern against {@link KernelSymbols}, one spec per match with its
 * descriptor (docs/bytecode.md, "probe-point descriptors"), members of a wildcard marked '?' so
 * the kernel skips the ones it refuses.
 */
final class KernelFunctionNames {
    private KernelFunctionNames() {}

    /** The head of a point: kprobe. or not, the module ("" = the kernel), the index of the function component. */
    record Head(boolean kprobe, String module, int function) {
        /** The descriptor's text before "function(": kernel., kprobe., module("M"). or kprobe.module("M"). */
        String prefix() {
            return (kprobe ? "kprobe." : "kernel.") + (module.isEmpty() ? "" : "module(\"" + module + "\").");
        }
    }

    /** Where the function component is: after module("M") when there is one. */
    static int functionIndex(List<ProbePoint.Component> cs) {
        return !cs.get(0).name().equals("module") && cs.size() > 1 && cs.get(1).name().equals("module") ? 2 : 1;
    }

    /** The head of {@code cs}, or null after reporting stap's mismatch. */
    static Head head(List<ProbePoint.Component> cs, Consumer<Failure> fail) {
        ProbePoint.Component root = cs.get(0);
        boolean isModule = root.name().equals("module");
        if (root.argument() != null && !isModule) {
            fail.accept(new Failure("probe point mismatch", root));
            return null;
        }
        int i = functionIndex(cs);
        String module = isModule ? Arguments.string(root.argument()) : i == 2 ? Arguments.string(cs.get(1).argument()) : "";
        if (module == null || module.isEmpty() && (isModule || i == 2)) {
            fail.accept(new Failure("probe point mismatch", root));
            return null;
        }
        return new Head(root.name().equals("kprobe"), module, i);
    }

    /** The function pattern at {@code head.function()}, or null after reporting stap's mismatch. */
    static String pattern(List<ProbePoint.Component> cs, Head head, Consumer<Failure> fail) {
        int i = head.function();
        String pattern = cs.size() > i && cs.get(i).name().equals("function") ? Arguments.string(cs.get(i).argument()) : null;
        if (pattern == null) {
            ProbePoint.Component bad = cs.size() > i ? cs.get(i) : cs.get(0);
            fail.accept(new Failure("probe point mismatch" + Similar.clause(bad.name(),
                    List.of("function", "statement", "module")), bad));
        }
        return pattern;
    }

    /**
     * One spec per function {@code pattern} names in the head's module, the descriptor ending in
     * {@code suffix} (".return", ".call", ".exported": only global functions, or ""); null after
     * reporting "no match".
     */
    static List<ProbeSpec> expand(Head head, String pattern, String suffix, KernelSymbols syms, Consumer<Failure> fail) {
        boolean wildcard = Glob.hasWildcard(pattern);
        List<String> names = syms.match(pattern, head.module(), suffix.equals(".exported"));
        if (!wildcard && (head.kprobe() || !syms.available() || !names.isEmpty())) {
            // an exact name as written; kprobe.* and symbol-less targets: the kernel resolves it when it registers the probe
            names = List.of(pattern);
        }
        if (names.isEmpty()) {
            fail.accept(new Failure("no match", null));
            return null;
        }
        boolean isReturn = suffix.equals(".return");
        String module = head.module().isEmpty() ? null : head.module();
        List<ProbeSpec> specs = new ArrayList<>();
        for (String name : names) {
            String pp = head.prefix() + "function(\"" + name + "\")" + suffix;
            // members of a wildcard are optional: the kernel may refuse some of them
            specs.add(ProbeSpec.kernel(isReturn, pp + (wildcard ? "?" : ""),
                    ProbeRecord.kernelFunction(pp, module, name, isReturn, wildcard)));
        }
        return specs;
    }
}
