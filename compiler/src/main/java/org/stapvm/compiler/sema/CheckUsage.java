package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.diag.Similar;

/**
 * Pass: how variables are used (stap's varuse_collecting_visitor). Warns about variables read
 * but never assigned, and finds the globals written but never read, which stap prints
 * automatically when the script ends. x += v and delete x count as a read and a write; x = v, s <<< v and
 * x++ as a statement (or a for loop's init or step) as a write only (stap's PR6954: a counter
 * nobody reads is printed at the end); an increment whose value is used reads too (stap 4.8 prints
 * no n for `if (++n == 7)`, `x[++n] = v` or `return n++`).
 */
public final class CheckUsage {

    /** Globals written and never read, in the order stap displays them ({@link DisplayOrder}). */
    public record Result(List<Variable> printAtEnd) {}

    private final Set<Variable> read = new LinkedHashSet<>();
    private final Set<Variable> written = new LinkedHashSet<>();
    /** First read of each variable, where a never-assigned warning points. */
    private final Map<Variable, SourcePos> firstRead = new LinkedHashMap<>();
    /** The unit each local belongs to, for its suggestions. */
    private final Map<Variable, Unit> owner = new java.util.IdentityHashMap<>();

    private CheckUsage(Diagnostics diags) {
        this.diags = diags;
    }

    private final Diagnostics diags;
    /** Arrays being iterated by the enclosing foreach loops of the unit being walked. */
    private final java.util.Deque<Variable> iterating = new java.util.ArrayDeque<>();

    public static Result run(ResolveSymbols.Result program, Diagnostics diags) {
        return run(program, Set.of(), diags);
    }

    /** {@code presetGlobals}: globals -G gives a value, assigned as if initialised. */
    public static Result run(ResolveSymbols.Result program, Set<String> presetGlobals, Diagnostics diags) {
        CheckUsage pass = new CheckUsage(diags);
        List<Unit> units = new ArrayList<>(program.probes());
        units.addAll(program.functions());
        for (Unit u : units) {
            u.params().forEach(pass.written::add);
            if (u.body() != null) {
                pass.new Walker(u).walk(u.body());
            }
        }
        // stap ranks variable names from a std::set: equal distances come in name order.
        Set<String> globalNames = new TreeSet<>(program.globals().stream().map(Variable::name).toList());
        for (Variable v : program.globals()) {
            if (v.global().init() != null || presetGlobals.contains(v.name())) {
                pass.written.add(v);
            }
        }
        for (Map.Entry<Variable, SourcePos> e : pass.firstRead.entrySet()) {
            Variable v = e.getKey();
            if (pass.written.contains(v)) {
                continue;
            }
            if (program.libraryGlobals().contains(v)) {
                continue; // a tapset's own global: stap warns only about the script's
            }
            if (v.scope() == Variable.Scope.GLOBAL) {
                diags.addWarning("never-assigned global variable '" + v.name() + "'" + Similar.clause(v.name(), globalNames),
                        Describe.ident(v.name()), v.pos());
            } else {
                // stap suggests the globals, then the unit's other locals, each set ranked alone.
                Set<String> names = new TreeSet<>();
                Unit u = pass.owner.get(v);
                if (u != null) {
                    u.params().forEach(x -> names.add(x.name()));
                    u.locals().stream().filter(x -> x != v).forEach(x -> names.add(x.name()));
                }
                names.remove(v.name());
                String similar = Stream.of(Similar.suggest(v.name(), globalNames, 5), Similar.suggest(v.name(), names, 5))
                        .filter(x -> !x.isEmpty()).collect(Collectors.joining(", "));
                diags.addWarning("never-assigned local variable '" + v.name() + "'"
                                + (similar.isEmpty() ? "" : " (similar: " + similar + ")"),
                        Describe.ident(v.name()), e.getValue());
            }
        }
        List<Variable> print = new ArrayList<>();
        for (Variable g : program.globals()) {
            // a tapset's own globals are never printed (stap's RHBZ 468139: only the script's)
            if (pass.written.contains(g) && !pass.read.contains(g) && g.global().init() == null
                    && !program.libraryGlobals().contains(g)) {
                print.add(g);
            }
        }
        return new Result(DisplayOrder.sort(program, List.copyOf(print)));
    }

    private void read(Variable v, SourcePos pos) {
        if (v != null) {
            read.add(v);
            firstRead.putIfAbsent(v, pos);
        }
    }

    private void read(Variable v, SourcePos pos, Unit unit) {
        if (v != null && v.scope() != Variable.Scope.GLOBAL) {
            owner.putIfAbsent(v, unit);
        }
        read(v, pos);
    }

    private final class Walker extends AstWalker {
        private final Unit unit;

        Walker(Unit unit) {
            this.unit = unit;
        }

        /** The variable an lvalue writes (Symbol or ArrayElement), its keys walked as reads. */
        private void write(Expression target, boolean alsoRead) {
            Variable v = unit.variable(target);
            if (target instanceof Expression.ArrayElement a) {
                walkAll(a.keys());
            }
            if (v != null) {
                if (iterating.contains(v)) {
                    diags.addError("variable '" + v.name() + "' modified during 'foreach' iteration",
                            Describe.ident(v.name()), target.pos());
                }
                written.add(v);
                if (alsoRead) {
                    read(v, target.pos(), unit);
                }
            }
        }

        @Override
        public Void visitSymbol(Expression.Symbol e) {
            read(unit.variable(e), e.pos(), unit);
            return null;
        }

        @Override
        public Void visitArrayElement(Expression.ArrayElement e) {
            read(unit.variable(e), e.pos(), unit);
            return super.visitArrayElement(e);
        }

        @Override
        public Void visitAssign(Expression.Assign e) {
            write(e.target(), e.op() != AssignOp.ASSIGN && e.op() != AssignOp.STAT_ADD);
            walk(e.value());
            return null;
        }

        @Override
        public Void visitIncDec(Expression.IncDec e) {
            write(e.operand(), true);   // its value is used: a statement's own increment is walkStatementLevel's
            return null;
        }

        /** An expression whose value is dropped: an increment there is a pure write. */
        private void walkStatementLevel(Expression e) {
            if (e != null && survivor(e) instanceof Expression.IncDec i) {
                write(i.operand(), false);
            } else {
                walk(e);
            }
        }

        @Override
        public Void visitExprStmt(Statement.ExprStmt s) {
            walkStatementLevel(s.expression());
            return null;
        }

        @Override
        public Void visitFor(Statement.For s) {
            walkStatementLevel(s.init());
            walk(s.condition());
            walkStatementLevel(s.step());
            walk(s.body());
            return null;
        }

        @Override
        public Void visitIf(Statement.If s) {
            // stap elides if (0) { ... } before it looks at uses: what it writes is never printed at the end
            walk(s.condition());
            if (!(s.condition() instanceof Expression.NumberLiteral n && n.value() == 0)) {
                walk(s.then());
            }
            walk(s.otherwise());
            return null;
        }

        @Override
        public Void visitForeach(Statement.Foreach s) {
            if (s.limit() instanceof Expression.NumberLiteral n && n.value() == 0) {
                return null;   // stap's optimizer removes a loop that never runs: nothing in it reads the array
            }
            if (unit.foreachValue(s) != null) {
                written.add(unit.foreachValue(s));
            }
            for (ForeachKey k : s.keys()) {
                written.add(unit.foreachKey(k));
            }
            walk(s.array());
            walkAll(s.slice());
            walk(s.limit());
            Variable arr = s.array() instanceof Expression.Symbol sym ? unit.variable(sym) : null;
            if (arr != null) {
                iterating.push(arr);
            }
            walk(s.body());
            if (arr != null) {
                iterating.pop();
            }
            return null;
        }

        @Override
        public Void visitDelete(Statement.Delete s) {
            write(s.target(), true);   // stap's varuse counts delete as a read and a write (as x += v)
            return null;
        }

        @Override
        public Void visitTry(Statement.Try s) {
            if (unit.catchVar(s) != null) {
                written.add(unit.catchVar(s));
            }
            return super.visitTry(s);
        }
    }
}
