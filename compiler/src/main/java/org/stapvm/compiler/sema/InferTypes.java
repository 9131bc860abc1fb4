package org.stapvm.compiler.sema;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ExpressionVisitor;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Pass: type inference to a fixed point, as stap's typeresolution_info does. Every unit is
 * visited with the type its context expects; unknown types of variables, array keys, function
 * parameters and results are filled from the first place that tells, and remembered with that
 * place. Rounds repeat while anything new is learnt; then one more round reports mismatches
 * (so messages see everything that could be inferred, and the first-inferred places are the
 * first in source order). What stays unresolved is CheckResolved's to report.
 */
public final class InferTypes {

    /** The types learnt: variables (an array's value type), array key types, function results, expressions. */
    public record Result(Map<Variable, Type> variables, Map<Variable, List<Type>> keys, Map<Unit, Type> returns,
                         Map<Unit, Map<Expression, Type>> expressions) {}

    private record Place(String token, SourcePos pos) {}

    private final ResolveSymbols.Result program;
    private final ElideDeadCode.Result elided;
    private final Diagnostics diags;
    private final Map<Variable, Type> varTypes = new LinkedHashMap<>();
    private final Map<Variable, Place> varPlaces = new IdentityHashMap<>();
    private final Map<Variable, Type[]> keyTypes = new LinkedHashMap<>();
    private final Map<Variable, Place[]> keyPlaces = new IdentityHashMap<>();
    private final Map<Unit, Type> returns = new LinkedHashMap<>();
    private final Map<Unit, Place> returnPlaces = new IdentityHashMap<>();
    private final Map<Unit, Map<Expression, Type>> nodes = new LinkedHashMap<>();
    private boolean changed;
    private boolean report;

    private InferTypes(ResolveSymbols.Result program, ElideDeadCode.Result elided, Diagnostics diags) {
        this.program = program;
        this.elided = elided;
        this.diags = diags;
    }

    /** Types {@code program} as stap's optimizer left it: what {@code elided} removed is not typed (stap checks no types there). */
    public static Result run(ResolveSymbols.Result program, ElideDeadCode.Result elided, Diagnostics diags) {
        InferTypes pass = new InferTypes(program, elided, diags);
        pass.seed();
        do {
            pass.changed = false;
            pass.round();
        } while (pass.changed);
        pass.report = true;
        pass.round();
        Map<Variable, List<Type>> keys = new LinkedHashMap<>();
        pass.keyTypes.forEach((v, ts) -> keys.put(v, Collections.unmodifiableList(Arrays.asList(ts.clone()))));
        Map<Unit, Map<Expression, Type>> exprs = new LinkedHashMap<>();
        pass.nodes.forEach((u, m) -> exprs.put(u, Collections.unmodifiableMap(m)));
        return new Result(Collections.unmodifiableMap(pass.varTypes), Collections.unmodifiableMap(keys),
                Collections.unmodifiableMap(pass.returns), Collections.unmodifiableMap(exprs));
    }

    /** Declared types: function results and parameters, initialised globals. */
    private void seed() {
        for (Unit f : program.functions()) {
            Declaration.Function d = f.function();
            if (d.returnType() != null) {
                returns.put(f, Type.of(d.returnType()));
            }
            for (int i = 0; i < d.params().size(); i++) {
                Type t = Type.of(d.params().get(i).type());
                if (t != null) {
                    varTypes.put(f.params().get(i), t);
                }
            }
        }
        for (Variable g : program.globals()) {
            Expression init = g.global().init();
            // an initialised global's type is declared, with no first-inferred place (as in stap)
            if (init instanceof Expression.NumberLiteral || init instanceof Expression.Unary) {
                varTypes.put(g, Type.LONG);
            } else if (init instanceof Expression.StringLiteral) {
                varTypes.put(g, Type.STRING);
            }
        }
    }

    /** stap's semantic_pass_types order: functions by name (its std::map), then probes. */
    private void round() {
        List<Unit> functions = new java.util.ArrayList<>(program.functions());
        functions.sort(java.util.Comparator.comparing(Unit::name));
        for (Unit u : functions) {
            if (u.body() != null) {
                new Typer(u).stmt(u.body());
            }
        }
        for (Unit u : program.probes()) {
            new Typer(u).stmt(u.body());
        }
    }

    private void setVar(Variable v, Type t, Expression where) {
        varTypes.put(v, t);
        varPlaces.put(v, new Place(Describe.token(where), where.pos()));
        changed = true;
    }

    private Type[] keys(Variable v) {
        Integer n = program.arity().get(v);
        return keyTypes.computeIfAbsent(v, k -> new Type[n == null ? 0 : Math.max(n, 0)]);
    }

    private void error(String message, Expression at) {
        if (report) {
            diags.add(diags.error(message, Describe.token(at), at.pos()));
        }
    }

    /** Visits one unit; {@code expected} is what the context wants (null: anything). */
    private final class Typer implements ExpressionVisitor<Type> {
        private final Unit unit;
        private final Map<Expression, Type> types;
        private Type expected;

        Typer(Unit unit) {
            this.unit = unit;
            this.types = nodes.computeIfAbsent(unit, u -> new IdentityHashMap<>());
        }

        Type visit(Expression expression, Type t) {
            if (expression == null) {
                return null;
            }
            Expression e = elided.effective(unit, expression);
            Type saved = expected;
            expected = t;
            Type r = e.accept(this);
            expected = saved;
            return r;
        }

        Type known(Expression e) {
            if (e instanceof Expression.NumberLiteral) {
                return Type.LONG;
            }
            if (e instanceof Expression.StringLiteral) {
                return Type.STRING;
            }
            return types.get(e);
        }

        private void setNode(Expression e, Type t) {
            if (t != null && types.put(e, t) == null) {
                changed = true;
            }
        }

        /** A node whose own type is fixed: checks it against what the context expects. */
        private Type fixed(Expression e, Type actual) {
            if (expected != null && actual != null && expected != actual) {
                error("type mismatch: expected " + expected.text + " but found " + actual.text, e);
            }
            setNode(e, actual);
            return actual;
        }

        /** stap's resolve_2types: a node referring to a variable (or an array's values). */
        private Type refer(Expression node, Variable v, Type t) {
            if (v == null) {
                return null;
            }
            Type re = types.get(node);
            Type te = varTypes.get(v);
            if (re != null && te != null && re != te) {
                mismatch(node, re, v);
            } else if (re != null && t != null && re != t) {
                mismatch(node, t, v);
            } else if (te != null && t != null && te != t) {
                mismatch(node, t, v);
            } else if (re == null && t != null) {
                setNode(node, t);   // stap's resolve_2types: the variable learns it at this node's next visit
            } else if (re == null && te != null) {
                setNode(node, te);
            } else if (te == null && re != null) {
                setVar(v, re, node);
            }
            return types.get(node);
        }

        private void mismatch(Expression node, Type t, Variable v) {
            if (!report) {
                return;
            }
            Place first = varPlaces.get(v);
            Type was = varTypes.get(v);
            if (first == null) {
                // a declared type (a:string, an initialised global) has no place: stap's plain form
                error("type mismatch: expected " + t.text + " but found " + was.text, node);
                return;
            }
            String head;
            String tail;
            if (v.scope() == Variable.Scope.PARAM) {
                head = "index " + v.slot() + " type mismatch (" + t.text + ")";
                tail = "type of index " + v.slot() + " was first inferred here (" + was.text + ")";
            } else {
                head = "type mismatch (" + t.text + ")";
                tail = "type was first inferred here (" + was.text + ")";
            }
            Diagnostic d = diags.error(head, Describe.token(node), node.pos());
            if (first != null) {
                d = d.withChain(diags.error(tail, first.token(), first.pos()));
            }
            diags.add(d);
        }

        /** The keys of an array use against the array's key types. */
        private void keys(Variable arr, List<Expression> ks) {
            Type[] kt = arr == null ? new Type[0] : InferTypes.this.keys(arr);
            for (int i = 0; i < ks.size(); i++) {
                Expression k = ks.get(i);
                if (k instanceof Expression.Wildcard) {
                    continue;
                }
                Type want = i < kt.length ? kt[i] : null;
                Type got = visit(k, null);
                if (got == null && want != null) {
                    got = visit(k, want);
                }
                if (i >= kt.length || got == null) {
                    continue;
                }
                if (want == null) {
                    kt[i] = got;
                    keyPlaces.computeIfAbsent(arr, a -> new Place[kt.length])[i] = new Place(Describe.token(k), k.pos());
                    changed = true;
                } else if (want != got && report) {
                    Place first = keyPlaces.get(arr)[i];
                    // stap 4.8 names "long" here whichever type came first (checked with stap -p2).
                    diags.add(diags.error("index " + i + " type mismatch (" + got.text + ")", Describe.token(k), k.pos())
                            .withChain(diags.error("type of index " + i + " was first inferred here (" + Type.LONG.text + ")",
                                    first.token(), first.pos())));
                }
            }
        }

        /**
         * An argument against a parameter. A literal of the wrong type is worded as stap does,
         * "expected <argument> but found <parameter>"; any other argument is visited with the
         * parameter's type, so a variable reports where its type came from. An untyped
         * parameter takes the argument's type, remembering the argument as the place.
         */
        private void argument(Expression arg, Variable param, Type paramType) {
            Type want = param != null ? varTypes.get(param) : paramType;
            boolean literal = arg instanceof Expression.NumberLiteral || arg instanceof Expression.StringLiteral;
            if (want != null && !literal) {
                visit(arg, want);
                return;
            }
            Type got = visit(arg, null);
            if (got == null) {
                return;
            }
            if (want == null) {
                if (param != null) {
                    setVar(param, got, arg);
                }
            } else if (want != got) {
                error("type mismatch: expected " + got.text + " but found " + want.text, arg);
            }
        }

        // ---- statements

        void stmt(Statement s) {
            if (s == null) {
                return;
            }
            if (s instanceof Statement.Block b) {
                b.statements().forEach(this::stmt);
            } else if (s instanceof Statement.If i) {
                visit(i.condition(), Type.LONG);
                stmt(i.then());
                stmt(i.otherwise());
            } else if (s instanceof Statement.While w) {
                visit(w.condition(), Type.LONG);
                stmt(w.body());
            } else if (s instanceof Statement.For f) {
                visit(f.init(), null);
                visit(f.condition(), Type.LONG);
                visit(f.step(), null);
                stmt(f.body());
            } else if (s instanceof Statement.Foreach f) {
                foreach(f);
            } else if (s instanceof Statement.Return r) {
                if (r.value() == null && unit.isFunction() && returns.get(unit) != null && report) {
                    // a bare return in a function with a value: stap's mismatch (unknown)
                    Place first = returnPlaces.get(unit);
                    Diagnostic d = first == null
                            ? diags.error("type mismatch: expected unknown but found " + returns.get(unit).text, "keyword", r.pos())
                            : diags.error("type mismatch (unknown)", "keyword", r.pos()).withChain(diags.error(
                                    "type was first inferred here (" + returns.get(unit).text + ")", first.token(), first.pos()));
                    diags.add(d);
                }
                if (r.value() != null && unit.isFunction()) {
                    returnValue(r.value());
                } else {
                    visit(r.value(), null);
                }
            } else if (s instanceof Statement.Delete d) {
                if (d.target() instanceof Expression.ArrayElement a) {
                    keys(unit.variable(a), a.keys());
                } else if (!(d.target() instanceof Expression.Symbol)) {
                    visit(d.target(), null);
                }
            } else if (s instanceof Statement.Try t) {
                stmt(t.body());
                Variable c = unit.catchVar(t);
                if (c != null && varTypes.get(c) == null) {
                    varTypes.put(c, Type.STRING);
                    varPlaces.put(c, new Place(Describe.ident(c.name()), t.handler().pos()));
                    changed = true;
                }
                stmt(t.handler());
            } else if (s instanceof Statement.ExprStmt e && !elided.removed(unit, e)) {
                visit(e.expression(), null);
            }
        }

        /** A returned value against the function's result type, reported like a variable's. */
        private void returnValue(Expression value) {
            Type want = returns.get(unit);
            Type got = visit(value, null);
            if (got == null && want != null) {
                visit(value, want);
            } else if (got != null && want == null) {
                returns.put(unit, got);
                returnPlaces.put(unit, new Place(Describe.token(value), value.pos()));
                changed = true;
            } else if (got != null && got != want && report) {
                Place first = returnPlaces.get(unit);
                if (first == null) {   // a declared result type (function f:long ()) has no place
                    error("type mismatch: expected " + got.text + " but found " + want.text, value);
                    return;
                }
                diags.add(diags.error("type mismatch (" + got.text + ")", Describe.token(value), value.pos())
                        .withChain(diags.error("type was first inferred here (" + want.text + ")", first.token(),
                                first.pos())));
            }
        }

        private void foreach(Statement.Foreach f) {
            if (f.array() instanceof Expression.HistLinear || f.array() instanceof Expression.HistLog) {
                // foreach (b in @hist_...(s)): s is a statistic, b a bucket number
                visit(f.array(), null);
                ForeachKey k = f.keys().get(0);
                Variable kv = unit.foreachKey(k);
                Type vt = varTypes.get(kv);
                if (vt == null) {
                    varTypes.put(kv, Type.LONG);
                    varPlaces.put(kv, new Place(Describe.ident(k.name()), k.pos()));
                    changed = true;
                } else if (vt != Type.LONG && report) {
                    diags.addError("type mismatch (long)", Describe.ident(k.name()), k.pos());
                }
                visit(f.limit(), Type.LONG);
                stmt(f.body());
                return;
            }
            Variable arr = f.array() instanceof Expression.Symbol s ? unit.variable(s) : null;
            if (arr != null) {
                Type[] kt = InferTypes.this.keys(arr);
                for (int i = 0; i < f.keys().size() && i < kt.length; i++) {
                    ForeachKey k = f.keys().get(i);
                    Variable kv = unit.foreachKey(k);
                    Type vt = varTypes.get(kv);
                    if (vt == null && kt[i] != null) {
                        varTypes.put(kv, kt[i]);
                        varPlaces.put(kv, new Place(Describe.ident(k.name()), k.pos()));
                        changed = true;
                    } else if (vt != null && kt[i] == null) {
                        kt[i] = vt;
                        keyPlaces.computeIfAbsent(arr, a -> new Place[kt.length])[i] =
                                new Place(Describe.ident(k.name()), k.pos());
                        changed = true;
                    } else if (vt != null && vt != kt[i] && report) {
                        diags.addError("type mismatch (" + kt[i].text + ")", Describe.ident(k.name()), k.pos());
                    }
                }
                Variable value = unit.foreachValue(f);
                if (value != null) {
                    Type at = varTypes.get(arr);
                    Type vt = varTypes.get(value);
                    if (at == Type.STATS && report) {
                        diags.addError("invalid type stats", Describe.ident(value.name()),
                                diags.namePos(f.pos(), "foreach", value.name()));
                    }
                    if (vt == null && at != null && at != Type.STATS) {
                        varTypes.put(value, at);
                        varPlaces.put(value, new Place(Describe.ident(value.name()), f.pos()));
                        changed = true;
                    } else if (at == null && vt != null) {
                        setVar(arr, vt, f.array());
                    }
                }
                if (f.slice() != null) {
                    keys(arr, f.slice());
                }
            }
            visit(f.limit(), Type.LONG);
            stmt(f.body());
        }

        // ---- expressions

        public Type visitNumber(Expression.NumberLiteral e) { return fixed(e, Type.LONG); }
        public Type visitString(Expression.StringLiteral e) { return fixed(e, Type.STRING); }

        public Type visitSymbol(Expression.Symbol e) { return refer(e, unit.variable(e), expected); }
        public Type visitWildcard(Expression.Wildcard e) { return null; }

        public Type visitArrayElement(Expression.ArrayElement e) {
            Type t = expected;
            Variable arr = unit.variable(e);
            keys(arr, e.keys());
            return refer(e, arr, t);
        }

        public Type visitCall(Expression.Call e) {
            Type t = expected;
            Callee c = unit.callee(e);
            if (c instanceof Callee.Script s) {
                // stap's resolve_2types on the call: the context types the call node; the
                // function's result learns the node's type at the node's next visit.
                Type re = types.get(e);
                Type r = null;
                Place first = null;
                for (Unit f : s.overloads()) { // each overload is called with these arguments
                    for (int i = 0; i < e.args().size(); i++) {
                        argument(e.args().get(i), f.params().get(i), null);
                    }
                    Type fr = returns.get(f);
                    if (fr == null && re != null) {
                        returns.put(f, re);
                        returnPlaces.put(f, new Place(Describe.token(e), e.pos()));
                        changed = true;
                        fr = re;
                    }
                    if (r == null && fr != null) {
                        r = fr;
                        first = returnPlaces.get(f);
                    }
                }
                expected = t;
                if (r == null) {
                    setNode(e, t);
                    return types.get(e);
                }
                Type want = re != null && re != r ? re : t;
                if (want != null && want != r && report) {
                    if (first == null) {
                        error("type mismatch: expected " + want.text + " but found " + r.text, e);
                    } else {
                        diags.add(diags.error("type mismatch (" + want.text + ")", Describe.token(e), e.pos())
                                .withChain(diags.error("type was first inferred here (" + r.text + ")",
                                        first.token(), first.pos())));
                    }
                }
                setNode(e, r);
                return r;
            }
            if (c instanceof Callee.Native n) {
                Builtins.Builtin b = n.builtin();
                switch (b.shape()) {
                    case FIXED -> {
                        for (int i = 0; i < e.args().size(); i++) {
                            argument(e.args().get(i), null, b.params().get(i));
                        }
                    }
                    case PRINT -> e.args().forEach(a -> visit(a, null));
                    case DELIMITED -> {
                        argument(e.args().get(0), null, Type.STRING);
                        e.args().subList(1, e.args().size()).forEach(a -> visit(a, null));
                    }
                    case FORMAT -> FormatCheck.check(e, this::visit, report ? diags : null);
                }
                expected = t;
                return fixed(e, b.result());
            }
            e.args().forEach(a -> visit(a, null));
            return null;
        }

        public Type visitUnary(Expression.Unary e) {
            Type t = expected;
            visit(e.operand(), Type.LONG);
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitIncDec(Expression.IncDec e) {
            Type t = expected;
            visit(e.operand(), Type.LONG);
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitBinary(Expression.Binary e) {
            Type t = expected;
            if (isComparison(e.op())) {
                Type r = known(e.right());
                visit(e.left(), r);
                // Operands at odds are both reported, as stap does; its report suppresses the second.
                visit(e.right(), known(e.left()));
            } else {
                if (e.op() == BinaryOp.USHR && report) {
                    diags.addError("unsupported binary operator " + e.op().text, null, null);
                }
                Type operand = e.op() == BinaryOp.CONCAT ? Type.STRING : Type.LONG;
                visit(e.left(), operand);
                visit(e.right(), operand);
            }
            expected = t;
            return fixed(e, e.op() == BinaryOp.CONCAT ? Type.STRING : Type.LONG);
        }

        private boolean isComparison(BinaryOp op) {
            return switch (op) {
                case LT, LE, GT, GE, EQ, NE -> true;
                default -> false;
            };
        }

        public Type visitRegexMatch(Expression.RegexMatch e) {
            Type t = expected;
            visit(e.subject(), Type.STRING);
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitInArray(Expression.InArray e) {
            Type t = expected;
            keys(e.array() instanceof Expression.Symbol s ? unit.variable(s) : null, e.keys());
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitTernary(Expression.Ternary e) {
            Type t = expected;
            visit(e.condition(), Type.LONG);
            Type sub = t != null ? t : known(e.ifTrue()) != null ? known(e.ifTrue()) : known(e.ifFalse());
            Type a = visit(e.ifTrue(), sub);
            Type b = visit(e.ifFalse(), sub != null ? sub : a);
            if (a == null && b != null) {
                a = visit(e.ifTrue(), b);
            }
            setNode(e, a != null ? a : b);
            return types.get(e);
        }

        public Type visitAssign(Expression.Assign e) {
            Type t = expected;
            if (e.op() == AssignOp.ASSIGN) {
                Type sub = t != null ? t : types.get(e) != null ? types.get(e) : known(e.value());
                if (sub == Type.STATS) {
                    // Aggregates are only read through @count etc.: never copied into a variable.
                    visit(e.target(), null);
                    if (visit(e.value(), null) == Type.STATS && report) {
                        diags.addError("invalid type stats", Describe.token(e.value()), e.value().pos());
                    }
                    return null;
                }
                Type l = visit(e.target(), sub);
                Type r = visit(e.value(), sub != null ? sub : l);
                setNode(e, l != null ? l : r);
                return types.get(e);
            }
            if (e.op() == AssignOp.STAT_ADD) {
                visit(e.target(), Type.STATS);
                visit(e.value(), Type.LONG);
                expected = t;
                return fixed(e, Type.LONG);
            }
            Type operand = e.op() == AssignOp.CONCAT ? Type.STRING : Type.LONG;
            visit(e.target(), operand);
            visit(e.value(), operand);
            expected = t;
            return fixed(e, operand);
        }

        public Type visitStat(Expression.Stat e) {
            Type t = expected;
            visit(e.operand(), Type.STATS);
            visit(e.extra(), Type.LONG);
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitHistLinear(Expression.HistLinear e) {
            visit(e.operand(), Type.STATS);
            visit(e.low(), Type.LONG);
            visit(e.high(), Type.LONG);
            visit(e.step(), Type.LONG);
            return null;
        }

        public Type visitHistLog(Expression.HistLog e) {
            visit(e.operand(), Type.STATS);
            return null;
        }

        public Type visitHistBucket(Expression.HistBucket e) {
            Type t = expected;
            visit(e.histogram(), null);
            visit(e.index(), Type.LONG);
            expected = t;
            return fixed(e, Type.LONG);
        }

        public Type visitDefined(Expression.Defined e) { return fixed(e, Type.LONG); }
        public Type visitEntry(Expression.Entry e) {
            // the operand is evaluated at entry; @entry(x) has its type (a long or a string)
            Type t = expected;
            expected = null;
            Type v = visit(e.operand(), null);
            expected = t;
            return fixed(e, v);
        }
        public Type visitProbeWrite(Expression.ProbeWrite e) { return null; }
        public Type visitConst(Expression.Const e) { return null; }
        public Type visitPerf(Expression.Perf e) { return null; }
        public Type visitEmbeddedCode(Expression.EmbeddedCode e) { return null; }
        public Type visitTarget(Expression.Target e) {
            Expression value = unit.target(e);
            if (value == null) {
                return null;
            }
            Type t = expected;
            expected = null;
            Type v = visit(value, null);
            expected = t;
            return fixed(e, v);
        }
    }
}
