package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.Expression;

/**
 * Pass 3's refusals, which stap makes while translating a script that passed pass 2: a
 * statistic given directly to a print or printf ("print format actual argument evaluation type
 * unsupported", raised twice by stap, so its report counts one as suppressed).
 */
public final class CheckTranslatable {
    private CheckTranslatable() {}

    /** The refusals, added to {@code diags} (which knows the source lines). */
    public static void run(CheckedProgram program, Diagnostics diags) {
        List<Unit> all = new ArrayList<>(program.functions());
        all.addAll(program.probes());
        for (Unit u : all) {
            new AstWalker() {
                @Override
                public Void visitCall(Expression.Call e) {
                    super.visitCall(e);
                    if (u.callee(e) instanceof Callee.Native n && (n.builtin().shape() == Builtins.Shape.PRINT
                            || n.builtin().shape() == Builtins.Shape.FORMAT)) {
                        for (Expression a : e.args()) {
                            if (program.typeOf(u, a) == Type.STATS) {
                                for (int i = 0; i < 2; i++) {
                                    diags.addError("print format actual argument evaluation type unsupported",
                                            Describe.token(a), a.pos());
                                }
                            }
                        }
                    }
                    return null;
                }
            }.walk(u.body());
        }

    }
}
