package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.java.JavaSession;

/**
 * The script variables of a java() probe, as stap's java probes define them: {@code arg1} ..
 * {@code arg10} are {@code user_string_warn($argN)}, the arguments' toString() that the hook
 * library's mark passes as character pointers. Beyond stap, an argument whose integral type the
 * point's signature names (JavaSession.NUMERIC_TYPES) comes as its number: {@code $argN} is the
 * value and {@code argN} its text as toString() writes it. Like an alias prologue, the ones a
 * handler does not read are elided. ({@code $return} is the mark's last argument: {@link MarkTargets}.)
 */
final class JavaPrologue {
    private JavaPrologue() {}

    /** Whether {@code spec} is a java() probe: a mark of the hook library. */
    static boolean isJava(ProbeSpec spec) {
        return spec.user() != null && spec.user().mark() != null
                && spec.user().mark().provider().equals(JavaSession.PROVIDER);
    }

    /**
     * {@code body} after the arguments' assignments, placed at the java point {@code at} but in a
     * file of their own, as a tapset alias's prologue is: its elisions are no news to the user.
     */
    static Statement.Block wrap(Statement.Block body, SourcePos at, List<String> typed) {
        SourcePos pos = new SourcePos("<java probe>", at.line(), at.column());
        List<Statement> prologue = new ArrayList<>();
        for (int i = 1; i <= JavaSession.ARGS; i++) {
            Expression arg = new Expression.Target(pos, false, new TargetBase.Variable("$arg" + i), List.of(), 0);
            String type = i <= typed.size() ? typed.get(i - 1) : null;
            Expression read = type == null ? new Expression.Call(pos, "user_string_warn", List.of(arg))
                    : type.equals("boolean") ? new Expression.Ternary(pos, arg, new Expression.StringLiteral(pos, "true"),
                            new Expression.StringLiteral(pos, "false"))
                    : new Expression.Call(pos, "sprint", List.of(arg));
            prologue.add(new Statement.ExprStmt(pos, new Expression.Assign(pos, AssignOp.ASSIGN,
                    new Expression.Symbol(pos, "arg" + i), read)));
        }
        return new Statement.Block(body.pos(), List.of(new Statement.Block(pos, prologue), body));
    }
}
