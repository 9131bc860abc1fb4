package org.stapvm.compiler.sema;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.UnaryOp;

/**
 * Pass: one histogram type per statistic, as stap's translator demands. The first
 * {@code @hist_linear} or {@code @hist_log} of a global fixes its type (for a linear one, its
 * bounds and step too); every use of another type, or of other bounds, is "multiple histogram
 * types declared on '__global_NAME'" at its operator.
 */
public final class CheckHistograms {
    private CheckHistograms() {}

    public static void run(ResolveSymbols.Result program, Diagnostics diags) {
        Map<Variable, List<Long>> shapes = new IdentityHashMap<>();
        List<Unit> units = new java.util.ArrayList<>(program.probes());
        units.addAll(program.functions());
        for (Unit u : units) {
            new AstWalker() {
                private void use(Expression operand, List<Long> shape, Expression at) {
                    Variable v = u.variable(operand);
                    if (v == null || v.scope() != Variable.Scope.GLOBAL) {
                        return;
                    }
                    List<Long> first = shapes.putIfAbsent(v, shape);
                    if (first != null && !first.equals(shape)) {
                        diags.addError("multiple histogram types declared on '__global_" + v.name() + "'",
                                Describe.token(at), at.pos());
                    }
                }

                @Override
                public Void visitHistLinear(Expression.HistLinear e) {
                    use(e.operand(), Arrays.asList(1L, constant(e.low()), constant(e.high()), constant(e.step())), e);
                    return super.visitHistLinear(e);
                }

                @Override
                public Void visitHistLog(Expression.HistLog e) {
                    use(e.operand(), List.of(0L), e);
                    return super.visitHistLog(e);
                }
            }.walk(u.body());
        }
    }

    /** A linear histogram's bound or step: stap's are number literals, maybe negated (null: another expression). */
    private static Long constant(Expression e) {
        if (e instanceof Expression.NumberLiteral n) {
            return n.value();
        }
        if (e instanceof Expression.Unary u && u.op() == UnaryOp.NEG) {
            Long v = constant(u.operand());
            return v == null ? null : -v;
        }
        return null;
    }
}
