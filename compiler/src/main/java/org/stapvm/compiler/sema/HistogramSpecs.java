package org.stapvm.compiler.sema;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Function;
import org.stapvm.lang.ast.Expression;

/**
 * Finds the histogram each statistic global is printed with (@hist_linear(s, lo, hi, step) or
 * @hist_log(s)): the runtime keeps its buckets while aggregating, so the global carries the shape.
 * The first use of a global decides; stap requires literal bounds, {@code constant} folds them.
 */
public final class HistogramSpecs {
    /** kind 1 linear, 2 log (the module's histogram field). */
    public record Spec(int kind, long lo, long hi, long step) {}

    private HistogramSpecs() {}

    public static Map<Variable, Spec> collect(CheckedProgram program, Function<Expression, Long> constant) {
        Map<Variable, Spec> specs = new IdentityHashMap<>();
        for (Unit u : program.probes()) {
            walk(u, specs, constant);
        }
        for (Unit u : program.functions()) {
            walk(u, specs, constant);
        }
        return specs;
    }

    private static void walk(Unit unit, Map<Variable, Spec> specs, Function<Expression, Long> constant) {
        new AstWalker() {
            @Override
            public Void visitHistLinear(Expression.HistLinear e) {
                Long lo = constant.apply(e.low()), hi = constant.apply(e.high()), step = constant.apply(e.step());
                Variable v = unit.variable(e.operand());
                if (v != null && lo != null && hi != null && step != null) {
                    specs.putIfAbsent(v, new Spec(1, lo, hi, step));
                }
                return super.visitHistLinear(e);
            }

            @Override
            public Void visitHistLog(Expression.HistLog e) {
                Variable v = unit.variable(e.operand());
                if (v != null) {
                    specs.putIfAbsent(v, new Spec(2, 0, 0, 0));
                }
                return super.visitHistLog(e);
            }
        }.walk(unit.body());
    }
}
