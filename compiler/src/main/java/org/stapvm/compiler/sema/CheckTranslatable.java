package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Expression;

/**
 * Pass 3's refusals, which stap makes while translating a script that passed pass 2: a
 * statistic given directly to a print or printf ("print format actual argument evaluation type
 * unsupported", raised twice by stap, so its report counts one as suppressed).
 */
public final class CheckTranslatable {
    private CheckTranslatable() {}

    /** stap's pass-3 report for the program, empty when it translates. */
    public static String run(CheckedProgram program, SourceFile script) {
        Diagnostics diags = new Diagnostics();
        diags.addFile(script);
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
        return diags.hasErrors() ? SemaReport.render(diags.all(), false, 3) : "";
    }
}
