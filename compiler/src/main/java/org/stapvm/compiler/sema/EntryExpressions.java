package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.Expression;

/** The {@code @entry(expr)} nodes of a probe body in source order (an @entry inside another's operand left out). */
public final class EntryExpressions {
    private EntryExpressions() {}

    public static List<Expression.Entry> of(Unit unit) {
        List<Expression.Entry> found = new ArrayList<>();
        if (unit.isFunction()) {
            return found;
        }
        new AstWalker() {
            @Override
            public Void visitEntry(Expression.Entry e) {
                found.add(e);
                return null;
            }

            @Override
            public Void visitTarget(Expression.Target t) {
                Expression meaning = unit.target(t); // a kernel $param in .return stands for @entry($param)
                if (meaning != null) {
                    walk(meaning);
                }
                return super.visitTarget(t);
            }
        }.walk(unit.body());
        return found;
    }
}
