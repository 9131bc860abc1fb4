package org.stapvm.lang;

import java.lang.reflect.RecordComponent;
import java.util.List;
import org.stapvm.lang.ast.SourcePos;

/**
 * Structural equality of AST values that ignores source positions and a string literal's source
 * text (its escapes as written, which printing normalises) (for print → parse checks).
 */
public final class AstEquality {
    private AstEquality() {}

    /** Null when equal, else a path to the first difference. */
    public static String difference(Object a, Object b) {
        return diff(a, b, "");
    }

    private static String diff(Object a, Object b, String path) {
        if (a == null || b == null) {
            return a == b ? null : path + ": " + a + " vs " + b;
        }
        if (a instanceof SourcePos) {
            return null;
        }
        if (a.getClass() != b.getClass()) {
            return path + ": " + a.getClass().getSimpleName() + " vs " + b.getClass().getSimpleName();
        }
        if (a instanceof List<?> la) {
            List<?> lb = (List<?>) b;
            if (la.size() != lb.size()) {
                return path + ": " + la.size() + " items vs " + lb.size();
            }
            for (int i = 0; i < la.size(); i++) {
                String d = diff(la.get(i), lb.get(i), path + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a.getClass().isRecord()) {
            for (RecordComponent c : a.getClass().getRecordComponents()) {
                if (a instanceof org.stapvm.lang.ast.Expression.StringLiteral && c.getName().equals("raw")) {
                    continue;
                }
                try {
                    String d = diff(c.getAccessor().invoke(a), c.getAccessor().invoke(b),
                            path + "/" + a.getClass().getSimpleName() + "." + c.getName());
                    if (d != null) {
                        return d;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        return a.equals(b) ? null : path + ": " + a + " vs " + b;
    }
}
