package org.stapvm.compiler.sema;

import java.util.HashSet;
import java.util.Set;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;

/**
 * stap's max_action_info: how many statements one run of a body can execute at most, the script
 * functions it calls counted in, or -1 when that is unbounded (a loop, a recursive
 * call). A body with a bound is checked against the action budget once at its start and its
 * statements charge nothing; library functions stand for stap's embedded-C tapset functions,
 * which have no statements.
 */
public final class StatementCount {
    private static final long UNBOUNDED = -1;

    private final Diagnostics diags;
    private final ElideDeadCode.Result elided;
    private final Set<Unit> nested = new HashSet<>();

    private StatementCount(Diagnostics diags, ElideDeadCode.Result elided) {
        this.diags = diags;
        this.elided = elided;
    }

    /** The bound for {@code unit}'s body as the optimizer left it ({@code elided} counts nothing), or -1. */
    public static long of(Unit unit, Diagnostics diags, ElideDeadCode.Result elided) {
        StatementCount c = new StatementCount(diags, elided);
        c.nested.add(unit);
        return c.statement(unit, unit.body());
    }

    /** Whether {@code unit} is a library function: it stands for embedded C and charges no actions. */
    public static boolean isLibrary(Unit unit, Diagnostics diags) {
        return unit.isFunction() && !diags.inUserScript(unit.function().pos());
    }

    private long statement(Unit u, Statement s) {
        if (s == null) {
            return 0;
        }
        if (s instanceof Statement.Block b) {
            long n = 0;
            for (Statement x : b.statements()) {
                n = add(n, statement(u, x));
            }
            return n;
        } else if (s instanceof Statement.For || s instanceof Statement.While || s instanceof Statement.Foreach) {
            return UNBOUNDED;
        } else if (s instanceof Statement.ExprStmt e) {
            return elided.removed(u, e) ? 0 : add(1, calls(u, e.expression()));
        } else if (s instanceof Statement.If i) {
            long branches = max(statement(u, i.then()), statement(u, i.otherwise()));
            return add(add(1, calls(u, i.condition())), branches);
        } else if (s instanceof Statement.Try t) {
            return add(statement(u, t.body()), statement(u, t.handler()));
        }
        return 1; // null, return, delete, next, break, continue: their operands are not visited
    }

    /** The statements of the script functions that {@code e} calls, each call counted. */
    private long calls(Unit u, Expression e) {
        long[] n = {0};
        new AstWalker(u, elided) {
            @Override
            public Void visitCall(Expression.Call c) {
                walkAll(c.args());
                if (n[0] != UNBOUNDED && u.callee(c) instanceof Callee.Script s) {
                    for (Unit f : s.overloads()) {
                        n[0] = add(n[0], function(f));
                    }
                }
                return null;
            }
        }.walk(e);
        return n[0];
    }

    private long function(Unit f) {
        if (nested.contains(f)) {
            return UNBOUNDED;
        }
        if (isLibrary(f, diags)) {
            return 0;
        }
        nested.add(f);
        long n = statement(f, f.body());
        nested.remove(f);
        return n;
    }

    private static long add(long a, long b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : a + b;
    }

    private static long max(long a, long b) {
        return a == UNBOUNDED || b == UNBOUNDED ? UNBOUNDED : Math.max(a, b);
    }
}
