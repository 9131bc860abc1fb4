package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;

/**
 * Pass: the elisions of stap's optimizer (elaborate.cxx dead_assignment_remover and
 * void_statement_reducer), with its warnings, in its order: probes, then functions; every
 * dead assignment of a round, then every side-effect-free expression statement, then every
 * probe left empty; rounds repeat while something new is elided. Only the first round warns of
 * elided code; the warnings of elided probes are told after type checking, as stap's are.
 * <ul>
 * <li>{@code x = v} or {@code x <<< v} with x a local or parameter never read in its body:
 *     "Eliding assignment to 'x': operator '='". A side-effect-free v goes with it (so
 *     {@code x = 1 / Z} raises nothing); otherwise v stays as a statement of its own.</li>
 * <li>An expression statement without side effects: "Eliding side-effect-free expression "
 *     at its first token (an elided {@code x = 1} leaves the statement {@code x}).</li>
 * <li>A probe whose body is then empty: "Probe 'begin' has been elided".</li>
 * </ul>
 * Side effects: any assignment or ++/--, delete, printing, and calls of functions that have
 * them (a function writing only its own locals has none; stap marks strlen, substr... pure).
 */
public final class ElideDeadCode {

    /**
     * What the optimizer removed, per unit (an alias body shared by two probes may be dead in one
     * and live in the other): each elided assignment with what stands in its place (the variable,
     * or the value when that has effects), the elided statements, and whole probes.
     */
    public record Result(Map<Unit, Map<Expression.Assign, Expression>> assignments,
                         Map<Unit, Set<Statement.ExprStmt>> statements, Set<Unit> probes,
                         List<org.stapvm.lang.diag.Diagnostic> probeWarnings) {
        public static final Result NONE = new Result(Map.of(), Map.of(), Set.of(), List.of());

        /** {@code e} in {@code u}, or what stands in its place once its assignment is elided. */
        public Expression effective(Unit u, Expression e) {
            if (e instanceof Expression.Assign a && u != null) {
                Expression instead = assignments.getOrDefault(u, Map.of()).get(a);
                return instead == null ? e : effective(u, instead);
            }
            return e;
        }

        /** Whether the optimizer removed statement {@code s} of {@code u}. */
        public boolean removed(Unit u, Statement.ExprStmt s) {
            return u != null && statements.getOrDefault(u, Set.of()).contains(s);
        }
    }

    /** Natives with effects beyond their value (stap's tapset functions not marked pure). */
    private static final Set<String> IMPURE_NATIVES = Set.of("exit", "error", "warn", "log", "randint",
            "print_backtrace", "print_ubacktrace", "tokenize", "srand", "abort", "assert", "system");

    private final Diagnostics diags;
    private final Map<Unit, Set<Expression.Assign>> deadAssignments = new IdentityHashMap<>();
    private final Map<Unit, Set<Statement.ExprStmt>> deadStatements = new IdentityHashMap<>();
    private final Set<Unit> deadProbes = identitySet();
    private boolean firstRound = true;
    private final List<org.stapvm.lang.diag.Diagnostic> probeWarnings = new ArrayList<>();
    private final Map<Unit, Boolean> pureFunctions = new IdentityHashMap<>();

    private ElideDeadCode(Diagnostics diags) {
        this.diags = diags;
    }

    public static Result run(ResolveSymbols.Result program, Diagnostics diags) {
        ElideDeadCode pass = new ElideDeadCode(diags);
        List<Unit> units = new ArrayList<>(program.probes());
        units.addAll(program.functions());
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Unit u : units) {
                changed |= pass.elideAssignments(u);
            }
            for (Unit u : units) {
                changed |= pass.elideStatements(u);
            }
            for (Unit p : program.probes()) {
                if (!pass.deadProbes.contains(p) && pass.empty(p, p.body())) {
                    pass.deadProbes.add(p);
                    pass.probeWarnings.add(diags.warning("Probe '" + p.name() + "' has been elided", "keyword",
                            p.probe().declaration().pos()));
                }
            }
            pass.firstRound = false;   // stap's optimizer warns of elided code in its first iteration only
        }
        Map<Unit, Map<Expression.Assign, Expression>> replaced = new IdentityHashMap<>();
        Map<Unit, Set<Statement.ExprStmt>> removed = new IdentityHashMap<>();
        for (Unit u : units) {
            Map<Expression.Assign, Expression> m = new IdentityHashMap<>();
            pass.assignments(u).forEach(a -> m.put(a, pass.effective(u, a)));
            replaced.put(u, Collections.unmodifiableMap(m));
            removed.put(u, Collections.unmodifiableSet(pass.statements(u)));
        }
        return new Result(Collections.unmodifiableMap(replaced), Collections.unmodifiableMap(removed),
                Collections.unmodifiableSet(pass.deadProbes), List.copyOf(pass.probeWarnings));
    }

    private Set<Expression.Assign> assignments(Unit u) {
        return deadAssignments.computeIfAbsent(u, k -> identitySet());
    }

    private Set<Statement.ExprStmt> statements(Unit u) {
        return deadStatements.computeIfAbsent(u, k -> identitySet());
    }

    private static <T> Set<T> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    private boolean elideAssignments(Unit u) {
        Set<Variable> read = identitySet();
        List<Expression.Assign> candidates = new ArrayList<>();
        new AstWalker() {
            @Override
            public Void visitSymbol(Expression.Symbol e) {
                Variable v = u.variable(e);
                if (v != null) {
                    read.add(v);
                }
                return null;
            }

            @Override
            public Void visitAssign(Expression.Assign e) {
                boolean plain = e.op() == AssignOp.ASSIGN || e.op() == AssignOp.STAT_ADD;
                if (plain && e.target() instanceof Expression.Symbol) {
                    if (!assignments(u).contains(e)) {
                        candidates.add(e);
                    }
                } else {
                    walk(e.target());
                }
                // the value of an elided assignment without side effects is gone, and with it its reads
                if (!assignments(u).contains(e) || !sideEffectFree(u, e.value())) {
                    walk(e.value());
                }
                return null;
            }

            @Override
            public Void visitExprStmt(Statement.ExprStmt s) {
                return statements(u).contains(s) ? null : super.visitExprStmt(s);
            }
        }.walk(u.body());
        boolean changed = false;
        for (Expression.Assign a : candidates) {
            Variable v = u.variable(a.target());
            if (v != null && v.scope() != Variable.Scope.GLOBAL && !read.contains(v)) {
                assignments(u).add(a);
                changed = true;
                if (firstRound && diags.inUserScript(a.pos())) {   // stap warns of elisions in user files only
                    diags.addWarning("Eliding assignment to '" + v.name() + "'", Describe.op(a.op().text), a.pos());
                }
            }
        }
        return changed;
    }

    private boolean elideStatements(Unit u) {
        boolean[] changed = {false};
        new AstWalker() {
            @Override
            public Void visitExprStmt(Statement.ExprStmt s) {
                if (!statements(u).contains(s) && sideEffectFree(u, effective(u, s.expression()))) {
                    statements(u).add(s);
                    changed[0] = true;
                    Expression first = leftmost(s.expression());
                    if (firstRound && diags.inUserScript(first.pos())) {
                        diags.addWarning("Eliding side-effect-free expression ", Describe.token(first), first.pos());
                    }
                }
                return null;
            }
        }.walk(u.body());
        return changed[0];
    }

    /** What is left of an expression once its elided assignment is gone: the variable, or the value with effects. */
    private Expression effective(Unit u, Expression e) {
        if (e instanceof Expression.Assign a && assignments(u).contains(a)) {
            return sideEffectFree(u, a.value()) ? a.target() : a.value();
        }
        return e;
    }

    /** The expression whose token a statement starts with. */
    private static Expression leftmost(Expression e) {
        if (e instanceof Expression.Binary b) {
            return leftmost(b.left());
        } else if (e instanceof Expression.Assign a) {
            return leftmost(a.target());
        } else if (e instanceof Expression.Ternary t) {
            return leftmost(t.condition());
        } else if (e instanceof Expression.IncDec i && !i.prefix()) {
            return leftmost(i.operand());
        } else if (e instanceof Expression.RegexMatch r) {
            return leftmost(r.subject());
        }
        return e;
    }

    private boolean empty(Unit u, Statement s) {
        if (s == null || s instanceof Statement.Empty) {
            return true;
        } else if (s instanceof Statement.Block b) {
            return b.statements().stream().allMatch(x -> empty(u, x));
        } else if (s instanceof Statement.ExprStmt e) {
            return statements(u).contains(e);
        }
        return false;
    }

    private boolean sideEffectFree(Unit u, Expression e) {
        EffectFinder finder = new EffectFinder(u, false);
        finder.walk(e);
        return !finder.effect;
    }

    private boolean pureCall(Callee c) {
        if (c instanceof Callee.Native n) {
            return n.builtin().shape() == Builtins.Shape.FIXED && !IMPURE_NATIVES.contains(n.builtin().name())
                    && !n.builtin().name().startsWith("print");
        } else if (c instanceof Callee.Script s) {
            // a library function stands for stap's tapset function, most of them embedded C, whose
            // calls stap does not elide (fnlib_misc: asmlinkage(), regparm(3) as statements)
            return diags.inUserScript(s.function().function().pos()) && pureFunction(s.function());
        }
        return false;
    }

    /** A function is pure when its body writes nothing but its own locals and calls only pure functions. */
    private boolean pureFunction(Unit f) {
        Boolean known = pureFunctions.get(f);
        if (known != null) {
            return known;
        }
        pureFunctions.put(f, true);   // a recursive call does not make a function impure by itself
        EffectFinder finder = new EffectFinder(f, true);
        finder.walk(f.body());
        pureFunctions.put(f, !finder.effect);
        return !finder.effect;
    }

    /**
     * Finds what makes code impure: writes (of anything but the unit's own locals, where
     * localsMayBeWritten), delete, next, probe writes, embedded C and impure calls.
     */
    private final class EffectFinder extends AstWalker {
        private final Unit unit;
        private final boolean localsMayBeWritten;
        boolean effect;

        EffectFinder(Unit unit, boolean localsMayBeWritten) {
            this.unit = unit;
            this.localsMayBeWritten = localsMayBeWritten;
        }

        private void written(Expression target) {
            Variable v = unit.variable(target);
            if (!localsMayBeWritten || !(target instanceof Expression.Symbol) || v == null
                    || v.scope() == Variable.Scope.GLOBAL) {
                effect = true;
            }
        }

        @Override
        public Void visitAssign(Expression.Assign a) {
            written(a.target());
            return super.visitAssign(a);
        }

        @Override
        public Void visitIncDec(Expression.IncDec i) {
            written(i.operand());
            return super.visitIncDec(i);
        }

        @Override
        public Void visitDelete(Statement.Delete d) {
            effect = true;
            return null;
        }

        @Override
        public Void visitNext(Statement.Next n) {
            effect = true;
            return null;
        }

        @Override
        public Void visitProbeWrite(Expression.ProbeWrite p) {
            effect = true;
            return null;
        }

        @Override
        public Void visitEmbeddedCode(Expression.EmbeddedCode c) {
            effect = true;
            return null;
        }

        @Override
        public Void visitCall(Expression.Call c) {
            if (!pureCall(unit.callee(c))) {
                effect = true;
            }
            return super.visitCall(c);
        }
    }
}
