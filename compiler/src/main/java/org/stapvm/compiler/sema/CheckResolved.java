package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.UnaryOp;

/**
 * Pass: after inference, every read of a variable, every array element and every call used
 * for its value must have a type ("unresolved type"); target expressions ($var) that the probe
 * point gives no meaning (SyscallTargets) are reported here too, where stap reports them.
 *
 * <p>Functions are checked before probes, as stap does. stap raises "unresolved type" again for
 * the same read from the context that takes it (a print or function argument), once more for a
 * print with an untyped variable among its arguments, and once for the untyped variable itself; its report prints the
 * first and counts the rest as suppressed, so they are raised here the same number of times
 * (counts measured against stap 4.8 -p2).
 */
public final class CheckResolved {
    private CheckResolved() {}

    public static void run(ResolveSymbols.Result program, InferTypes.Result types, ElideDeadCode.Result elided,
                           Diagnostics diags) {
        Map<Variable, Type> varTypes = types.variables();
        List<Unit> all = new ArrayList<>(program.functions());
        all.addAll(program.probes());
        Set<Variable> untyped = new LinkedHashSet<>();
        for (Unit u : all) {
            Map<Expression, Type> nodeTypes = types.expressions().getOrDefault(u, Map.of());
            new AstWalker(u, elided) {
                @Override
                public Void visitExprStmt(Statement.ExprStmt s) {
                    if (s.expression() instanceof Expression.Call c) {
                        arguments(c); // a statement may call a function that returns nothing
                        return null;
                    }
                    return super.visitExprStmt(s);
                }

                @Override
                public Void visitBinary(Expression.Binary e) {
                    if (e.op() != BinaryOp.AND && e.op() != BinaryOp.OR) {
                        return super.visitBinary(e);
                    }
                    truth(e.left());
                    truth(e.right());
                    return null;
                }

                @Override
                public Void visitUnary(Expression.Unary e) {
                    if (e.op() != UnaryOp.NOT) {
                        return super.visitUnary(e);
                    }
                    truth(e.operand());
                    return null;
                }

                /** stap takes a call that returns nothing as an operand of &&, || and ! (`n && exit()`). */
                private void truth(Expression e) {
                    if (e instanceof Expression.Call c && unresolved(c)) {
                        arguments(c);
                    } else {
                        walk(e);
                    }
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
                    arguments(e);
                    if (u.callee(e) != null && nodeTypes.get(e) == null) {
                        diags.addError("unresolved type ", Describe.token(e), e.pos());
                    }
                    return null;
                }

                private void arguments(Expression.Call e) {
                    super.visitCall(e);
                    Callee c = u.callee(e);
                    boolean print = c instanceof Callee.Native n && n.builtin().shape() == Builtins.Shape.PRINT;
                    boolean unresolvedVariable = false;
                    for (Expression a : e.args()) {
                        if ((print || c instanceof Callee.Script) && unresolved(a)) {
                            diags.addError("unresolved type ", Describe.token(a), a.pos());
                            unresolvedVariable |= a instanceof Expression.Symbol || a instanceof Expression.ArrayElement;
                        }
                    }
                    if (print && unresolvedVariable) {
                        diags.addError("unresolved type ", Describe.token(e), e.pos());
                    }
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
                    SyscallTargets.Meaning m = TargetMeanings.of(u, e, program.kernelRelease());
                    if (m != null && m.error() != null) {
                        diags.addError(m.error(), m.errorToken(e), m.errorPos(e));
                    } else {
                        diags.addError("unresolved target-symbol expression", Describe.token(e), e.pos());
                    }
                    diags.addError("unresolved type ", Describe.token(e), e.pos());
                    return null;
                }

                @Override
                public Void visitTernary(Expression.Ternary e) {
                    Long k = u.definedConstant(e.condition()); // the branch @defined rules out is never resolved
                    if (k == null) {
                        return super.visitTernary(e);
                    }
                    walk(k != 0 ? e.ifTrue() : e.ifFalse());
                    return null;
                }

                @Override
                public Void visitIf(Statement.If s) {
                    Long k = u.definedConstant(s.condition());
                    if (k == null) {
                        return super.visitIf(s);
                    }
                    walk(k != 0 ? s.then() : s.otherwise());
                    return null;
                }

                @Override
                public Void visitDefined(Expression.Defined e) {
                    return null; // @defined(x) is a number whether x resolves or not
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
                    if (unresolved(e)) {
                        diags.addError("unresolved type ", Describe.token(e), e.pos());
                        untyped.add(v);
                    }
                }

                private boolean unresolved(Expression e) {
                    if (e instanceof Expression.Call c) {
                        return u.callee(c) != null && nodeTypes.get(e) == null;
                    }
                    if (e instanceof Expression.Target t) {
                        return u.target(t) == null; // typed only where the probe point gives it a meaning
                    }
                    Variable v = e instanceof Expression.Symbol s ? u.variable(s)
                            : e instanceof Expression.ArrayElement a ? u.variable(a) : null;
                    return v != null && nodeTypes.get(e) == null && varTypes.get(v) == null;
                }
            }.walk(u.body());
        }
        for (Variable v : untyped) {
            diags.addError("unresolved type ", Describe.ident(v.name()), v.pos());
        }
    }
}
