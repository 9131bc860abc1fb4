package org.stapvm.compiler.sema;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;

/**
 * Pass, after ElideDeadCode: what stap's optimizer drops once elisions are made. A function no
 * longer called from what is left of the probes goes (so it is neither typed nor reported:
 * {@code function f(a) { return a }} called only by an elided statement raises nothing), and
 * {@link #usedLocals} tells which locals the remaining code still mentions (the -p2 listing).
 */
public final class PruneUnused {
    private PruneUnused() {}

    public static ResolveSymbols.Result run(ResolveSymbols.Result program, ElideDeadCode.Result elided) {
        Set<Unit> reached = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Unit> todo = new ArrayDeque<>(program.probes());
        while (!todo.isEmpty()) {
            Unit u = todo.pop();
            if (u.body() == null) {
                continue;
            }
            new AstWalker(u, elided) {
                @Override
                public Void visitCall(Expression.Call c) {
                    if (u.callee(c) instanceof Callee.Script s) {
                        for (Unit f : s.overloads()) {
                            if (reached.add(f)) {
                                todo.push(f);
                            }
                        }
                    }
                    return super.visitCall(c);
                }

                @Override
                public Void visitTarget(Expression.Target t) {
                    walk(u.target(t));   // a $var the point gives a meaning may stand for tapset calls
                    return super.visitTarget(t);
                }
            }.walk(u.body());
        }
        List<Unit> functions = program.functions().stream().filter(reached::contains).toList();
        return new ResolveSymbols.Result(program.probes(), functions, program.globals(), program.arity(),
                program.libraryGlobals(), program.kernelRelease());
    }

    /** The locals of {@code u} that the code the optimizer left still mentions. */
    static Set<Variable> usedLocals(Unit u, ElideDeadCode.Result elided) {
        Set<Variable> used = Collections.newSetFromMap(new IdentityHashMap<>());
        if (u.body() == null) {
            return used;
        }
        new AstWalker(u, elided) {
            @Override
            public Void visitSymbol(Expression.Symbol e) {
                if (u.variable(e) != null) {
                    used.add(u.variable(e));
                }
                return null;
            }

            @Override
            public Void visitForeach(Statement.Foreach s) {
                s.keys().forEach(k -> used.add(u.foreachKey(k)));
                if (u.foreachValue(s) != null) {
                    used.add(u.foreachValue(s));
                }
                return super.visitForeach(s);
            }

            @Override
            public Void visitTry(Statement.Try s) {
                if (u.catchVar(s) != null) {
                    used.add(u.catchVar(s));
                }
                return super.visitTry(s);
            }
        }.walk(u.body());
        return used;
    }
}
