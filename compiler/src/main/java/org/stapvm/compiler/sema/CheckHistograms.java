package org.stapvm.compiler.sema;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.Expression;

/**
 * Pass: one histogram type per statistic, as stap's translator demands. The first
 * {@code @hist_linear} or {@code @hist_log} of a global fixes its type; every use of the other
 * type is "multiple histogram types declared on '__global_NAME'" at its operator.
 */
public final class CheckHistograms {
    private CheckHistograms() {}

    public static void run(ResolveSymbols.Result program, Diagnostics diags) {
        Map<Variable, Boolean> linear = new IdentityHashMap<>();
        List<Unit> units = new java.util.ArrayList<>(program.probes());
        units.addAll(program.functions());
        for (Unit u : units) {
            new AstWalker() {
                private void use(Expression operand, boolean isLinear, Expression at) {
                    Variable v = u.variable(operand);
                    if (v == null || v.scope() != Variable.Scope.GLOBAL) {
                        return;
                    }
                    Boolean first = linear.putIfAbsent(v, isLinear);
                    if (first != null && first != isLinear) {
                        diags.addError("multiple histogram types declared on '__global_" + v.name() + "'",
                                Describe.token(at), at.pos());
                    }
                }

                @Override
                public Void visitHistLinear(Expression.HistLinear e) {
                    use(e.operand(), true, e);
                    return super.visitHistLinear(e);
                }

                @Override
                public Void visitHistLog(Expression.HistLog e) {
                    use(e.operand(), false, e);
                    return super.visitHistLog(e);
                }
            }.walk(u.body());
        }
    }
}
