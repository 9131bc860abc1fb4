package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.Statement;

/**
 * One body that runs: a probe handler or a function. Holds the symbol side tables of that body,
 * keyed by node identity (an alias body shared by two probes is resolved once per probe).
 * Filled by ResolveSymbols, then frozen; read-only views are handed out.
 */
public final class Unit {
    private final String name;
    private final ResolvedProbe probe;
    private final Declaration.Function function;
    private final List<Variable> params = new ArrayList<>();
    private final List<Variable> locals = new ArrayList<>();
    final Map<Expression, Variable> symbols = new IdentityHashMap<>();
    final Map<ForeachKey, Variable> foreachKeys = new IdentityHashMap<>();
    final Map<Statement.Foreach, Variable> foreachValues = new IdentityHashMap<>();
    final Map<Statement.Try, Variable> catchVars = new IdentityHashMap<>();
    final Map<Expression.Call, Callee> calls = new IdentityHashMap<>();
    /** Target expressions the probe point gives a meaning ($syscall...), with the expression they stand for. */
    final Map<Expression.Target, Expression> targets = new IdentityHashMap<>();
    /** Targets without a meaning that --skip-badvars bound to the literal 0 (in {@link #targets} too). */
    final java.util.Set<Expression.Target> substituted = Collections.newSetFromMap(new IdentityHashMap<>());
    /** Each @defined(expr): whether its operand has a meaning here (a target the probe point resolves). */
    final Map<Expression.Defined, Boolean> defined = new IdentityHashMap<>();

    private Unit(String name, ResolvedProbe probe, Declaration.Function function) {
        this.name = name;
        this.probe = probe;
        this.function = function;
    }

    static Unit ofProbe(ResolvedProbe p) {
        return new Unit(p.name(), p, null);
    }

    static Unit ofFunction(Declaration.Function f) {
        return new Unit(f.name(), null, f);
    }

    public String name() { return name; }
    /** The probe, or null for a function. */
    public ResolvedProbe probe() { return probe; }
    /** The function, or null for a probe. */
    public Declaration.Function function() { return function; }
    public boolean isFunction() { return function != null; }

    public Statement.Block body() {
        return probe != null ? probe.body() : function.body();
    }

    public List<Variable> params() { return Collections.unmodifiableList(params); }
    /** Locals, parameters excluded, in order of first mention. */
    public List<Variable> locals() { return Collections.unmodifiableList(locals); }

    /** The variable a Symbol, or the array of an ArrayElement, refers to. */
    public Variable variable(Expression e) { return symbols.get(e); }
    public Variable foreachKey(ForeachKey k) { return foreachKeys.get(k); }
    public Variable foreachValue(Statement.Foreach f) { return foreachValues.get(f); }
    public Variable catchVar(Statement.Try t) { return catchVars.get(t); }
    public Callee callee(Expression.Call c) { return calls.get(c); }
    /** What a target expression stands for, or null when it has no meaning here. */
    public Expression target(Expression.Target t) { return targets.get(t); }
    /** Whether {@code t} had no meaning and --skip-badvars made it the literal 0 (no longer something to store into). */
    public boolean substituted(Expression.Target t) { return substituted.contains(t); }
    /**
     * Whether the body means something that depends on this unit's point: target expressions, or
     * @defined of them. The points of one pattern share a handler only when none does.
     */
    /** A procfs read probe: its $value stores lower to _procfs_set/_procfs_append. */
    public boolean procfsRead() { return Boolean.TRUE.equals(ProcfsTargets.reading(this)); }

    public boolean pointSpecific() { return !targets.isEmpty() || !defined.isEmpty(); }

    /** Where a process .function probe sits when its $vars come from DWARF: after the prologue (link-time address). */
    Long placement;

    /** The link-time address the probe is placed at instead of its function's entry, or null. */
    public Long placement() { return placement; }

    /**
     * The constant a condition folds to by @defined: 1 or 0 for @defined(x) and !@defined(x), else
     * null. stap folds these before type checking, so the branch it rules out is never resolved.
     */
    public Long definedConstant(Expression e) {
        if (e instanceof Expression.Defined d && defined.containsKey(d)) {
            return defined.get(d) ? 1L : 0L;
        }
        if (e instanceof Expression.Unary u && u.op() == org.stapvm.lang.ast.UnaryOp.NOT) {
            Long k = definedConstant(u.operand());
            return k == null ? null : 1 - k;
        }
        return null;
    }

    public Map<Expression, Variable> symbols() { return Collections.unmodifiableMap(symbols); }
    public Map<Expression.Call, Callee> calls() { return Collections.unmodifiableMap(calls); }

    Variable addParam(Declaration.Param p) {
        Variable v = new Variable(p.name(), Variable.Scope.PARAM, p.pos(), params.size(), null);
        params.add(v);
        return v;
    }

    Variable findLocal(String n) {
        for (Variable v : params) {
            if (v.name().equals(n)) {
                return v;
            }
        }
        for (Variable v : locals) {
            if (v.name().equals(n)) {
                return v;
            }
        }
        return null;
    }

    Variable addLocal(String n, org.stapvm.lang.ast.SourcePos pos) {
        Variable v = new Variable(n, Variable.Scope.LOCAL, pos, params.size() + locals.size(), null);
        locals.add(v);
        return v;
    }

    @Override
    public String toString() {
        return (isFunction() ? "function " : "probe ") + name;
    }
}
