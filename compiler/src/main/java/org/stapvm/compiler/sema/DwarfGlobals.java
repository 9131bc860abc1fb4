package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.probes.dwarf.DwarfFunction;
import org.stapvm.probes.dwarf.DwarfIndex;

/**
 * {@code @var("NAME[@FILE]"[, "MODULE"])} in a process function or statement probe: NAME among the
 * variables of the probed function's compilation unit (its globals and file statics, DW_OP_addr, read in
 * the probed task's memory at the file's load address), else, as stap, among the locals in scope.
 * Only the probed function's own compilation unit and file are searched.
 */
final class DwarfGlobals {
    private DwarfGlobals() {}

    static Expression of(DwarfFunction f, TargetBase.Var v, Expression.Target t, String path)
            throws KernelTargetChain.ChainError {
        int at = v.name().indexOf('@');
        String name = at < 0 ? v.name() : v.name().substring(0, at);
        String cu = at < 0 ? null : v.name().substring(at + 1);
        if (v.module() != null && !sameFile(v.module(), path)) {
            throw new KernelTargetChain.ChainError("unable to find global '" + name + "' in " + v.module()
                    + (cu == null ? "" : ", in " + cu) + " (stapvm searches the probed file only)");
        }
        boolean inCu = cu == null
                || DwarfIndex.matchesFile(cu, new DwarfIndex.Entry(name, f.cuName(), -1, 0));
        DwarfFunction.Variable found = null;
        for (DwarfFunction.Variable g : inCu ? f.globals() : List.<DwarfFunction.Variable>of()) {
            if (g.name().equals(name)) {
                found = g;
            }
        }
        if (found == null && cu == null) {
            for (DwarfFunction.Variable l : f.scoped()) {
                if (l.name().equals(name) && (found == null || !l.parameter())) {
                    found = l;
                }
            }
        }
        if (found == null) {
            throw new KernelTargetChain.ChainError("unable to find global '" + name + "' in " + path
                    + (cu == null ? "" : ", in " + cu));
        }
        return DwarfTargets.value(f, found, t.pos(), t);
    }

    private static boolean sameFile(String module, String path) {
        try {
            return java.nio.file.Path.of(module).toRealPath().toString().equals(path);
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
