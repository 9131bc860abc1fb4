package org.stapvm.compiler.sema;

import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.Statement;
import org.stapvm.probes.ProbeSpec;

/**
 * One probe handler after alias expansion: the probe as written, the point the user wrote,
 * the native point it ended at, what that point is, and the handler body with alias prologues
 * before and epilogues after the user's body (and a point condition as a leading
 * {@code if (!(cond)) next}). The body shares nodes with the AST; it is a new value, the AST
 * is untouched. {@code listed} is the alias name the written point matched (what stap -l prints
 * for it: {@code syscall.read} for {@code syscall.*}), or null when it named no alias.
 */
public record ResolvedProbe(Declaration.Probe declaration, ProbePoint written, ProbePoint point, ProbeSpec spec,
                            Statement.Block body, ProbePoint listed) {

    /** The point as stap prints it in pp(): components joined by '.', arguments in parentheses. */
    public String name() {
        return spec.resolvedPoint() ? spec.pp() : text(point);
    }

    /** A point as text: components joined by '.', literal arguments in parentheses, no marker. */
    public static String text(ProbePoint p) {
        StringBuilder sb = new StringBuilder();
        for (ProbePoint.Component c : p.components()) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(c.name());
            if (c.argument() instanceof org.stapvm.lang.ast.Expression.NumberLiteral n) {
                sb.append('(').append(n.value()).append(')');
            } else if (c.argument() instanceof org.stapvm.lang.ast.Expression.StringLiteral s) {
                sb.append("(\"").append(s.value()).append("\")");
            }
        }
        return sb.toString();
    }
}
