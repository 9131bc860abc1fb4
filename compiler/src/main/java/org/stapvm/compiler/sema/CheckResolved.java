package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;

/**
 * Pass: after inference, every read of a variable, every array element and every call used
 * for its value must have a type ("unresolved type"); target expressions ($var) that the probe
 * point gives no meaning (SyscallTargets) are reported here too, where stap reports them.
 */
public final class CheckResolved {
    private CheckResolved() {}

    public static void run(ResolveSymbols.Result program, InferTypes.Result types, Diagnostics diags) {
        Map<Variable, Type> varTypes = types.variables();
        List<Unit> all = new ArrayList<>(program.probes());
        all.addAll(program.functions());
        for (Unit u : all) {
            Map<Expression, Type> nodeTypes = types.expressions().getOrDefault(u, Map.of());
            new AstWalker() {
                @Override
                public Void visitExprStmt(Statement.ExprStmt s) {
                    if (s.expression() instanceof Expression.Call c) {
                        return super.visitCall(c); // a statement may call a function that returns nothing
                    }
                    return super.visitExprStmt(s);
                }

                @Override
                public Void visitSymbol(Expression.Symbol e) {
                    check(e, u.variable(e));
                    return null;
                }

                @Override
                public Void visitArrayElement(Expression.ArrayElement e) {
                    super.visitArrayElement(e);
                    check(e, u.variable(e));
                    return null;
                }

                @Override
                public Void visitCall(Expression.Call e) {
                    super.visitCall(e);
                    if (u.callee(e) != null && nodeTypes.get(e) == null) {
                        diags.addError("unresolved type ", Describe.token(e), e.pos());
                    }
                    return null;
                }

                @Override
                public Void visitAssign(Expression.Assign e) {
                    if (e.op() == AssignOp.ASSIGN && e.target() instanceof Expression.Symbol) {
                        walk(e.value()); // stap names the reads of an untyped variable, not its stores
                        return null;
                    }
                    return super.visitAssign(e);
                }

                @Override
                public Void visitTarget(Expression.Target e) {
                    if (u.target(e) != null) {
                        return null;
                    }
                    super.visitTarget(e);
                    UserPoint.Event event = SyscallTargets.event(u);
                    SyscallTargets.Meaning m = event == null ? null : SyscallTargets.of(event, e);
                    diags.addError(m != null && m.error() != null ? m.error() : "unresolved target-symbol expression",
                            Describe.token(e), e.pos());
                    diags.addError("unresolved type ", Describe.token(e), e.pos());
                    return null;
                }

                @Override
                public Void visitInArray(Expression.InArray e) {
                    walkAll(e.keys());
                    return null;
                }

                @Override
                public Void visitForeach(Statement.Foreach s) {
                    walkAll(s.slice());
                    walk(s.limit());
                    walk(s.body());
                    return null;
                }

                @Override
                public Void visitDelete(Statement.Delete s) {
                    if (s.target() instanceof Expression.ArrayElement a) {
                        walkAll(a.keys());
                    }
                    return null;
                }

                private void check(Expression e, Variable v) {
                    if (v != null && nodeTypes.get(e) == null && varTypes.get(v) == null) {
                        diags.addError("unresolved type ", Describe.token(e), e.pos());
                    }
                }
            }.walk(u.body());
        }
    }
}
