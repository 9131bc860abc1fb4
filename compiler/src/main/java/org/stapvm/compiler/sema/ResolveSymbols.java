package org.stapvm.compiler.sema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stapvm.compiler.sema.tapset.TapsetLoader;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.diag.Similar;
import org.stapvm.lang.print.AstPrinter;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.UserPoint;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Pass: symbol resolution. Gives every probe body and every reachable function a {@link Unit}
 * whose side tables map each Symbol/ArrayElement to its Variable and each Call to its Callee.
 * A name is a local of the unit if already seen there (parameters first), else a declared
 * global (script, then tapset library, loading the defining file), else a new local; arrays
 * must be globals and keep one arity. Calls go to script functions, then tapset functions
 * (loading their files, whose functions are then resolved too), then native builtins.
 * Also binds $N/@N to the command-line arguments, rejects embedded C, and binds the target
 * expressions a probe point gives a meaning ($syscall in process.syscall: SyscallTargets); with
 * stap's --skip-badvars a target given none is the literal 0, with stap's warning.
 */
public final class ResolveSymbols {

    /** What the pass produces. {@code arity} is known for globals used as scalars (0) or arrays. */
    /** {@code libraryGlobals}: the globals a tapset file declares (stap warns only about the script's own). */
    public record Result(List<Unit> probes, List<Unit> functions, List<Variable> globals,
                         Map<Variable, Integer> arity,
                         java.util.Set<Variable> libraryGlobals, String kernelRelease) {}

    private record ArityUse(int arity, SourcePos pos, String token) {}

    private final TapsetLoader tapsets;
    private final Diagnostics diags;
    /** Functions by name; several when overloaded by arity (stap 4), in declaration order. */
    private final Map<String, List<Declaration.Function>> functions = new LinkedHashMap<>();
    private final Map<String, Variable> globals = new LinkedHashMap<>();
    private final java.util.Set<Variable> libraryGlobals = new java.util.HashSet<>();
    private final Map<Declaration.Function, Unit> functionUnits = new IdentityHashMap<>();
    private final Deque<Unit> toResolve = new ArrayDeque<>();
    private final Map<Variable, ArityUse> arity = new LinkedHashMap<>();
    private final Set<Declaration.Function> embeddedReported = new LinkedHashSet<>();
    private final Set<Variable> statLocals = new LinkedHashSet<>();
    /** procfs $value targets that are stored into, not read (a read probe may only store). */
    private final Set<Expression.Target> procfsStores = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private String kernelRelease = "";
    /** --skip-badvars: a target without a meaning is the literal 0 (stap's dwarf_var_expanding_visitor). */
    private boolean skipBadvars;

    private ResolveSymbols(TapsetLoader tapsets, Diagnostics diags) {
        this.tapsets = tapsets;
        this.diags = diags;
    }

    public static Result run(List<Declaration> script, List<ResolvedProbe> probes, TapsetLoader tapsets,
                             Diagnostics diags) {
        return run(script, probes, tapsets, "", diags);
    }

    /** As above, for kernel release {@code kernelRelease} ("" the running one): whose BTF types kernel $vars. */
    public static Result run(List<Declaration> script, List<ResolvedProbe> probes, TapsetLoader tapsets,
                             String kernelRelease, Diagnostics diags) {
        return run(script, probes, tapsets, kernelRelease, false, diags);
    }

    /** As above; {@code skipBadvars}: --skip-badvars. */
    public static Result run(List<Declaration> script, List<ResolvedProbe> probes, TapsetLoader tapsets,
                             String kernelRelease, boolean skipBadvars, Diagnostics diags) {
        ResolveSymbols pass = new ResolveSymbols(tapsets, diags);
        pass.kernelRelease = kernelRelease;
        pass.skipBadvars = skipBadvars;
        pass.declare(script, true);
        pass.declare(tapsets.drain(), false); // files loaded for probe aliases
        List<Unit> probeUnits = new ArrayList<>();
        for (ResolvedProbe p : probes) {
            Unit u = Unit.ofProbe(p);
            probeUnits.add(u);
            pass.resolveBody(u);
        }
        List<Unit> fnUnits = new ArrayList<>();
        while (!pass.toResolve.isEmpty()) {
            Unit u = pass.toResolve.removeFirst();
            fnUnits.add(u);
            pass.resolveBody(u);
        }
        Map<Variable, Integer> arities = new LinkedHashMap<>();
        pass.arity.forEach((v, a) -> arities.put(v, a.arity()));
        return new Result(List.copyOf(probeUnits), List.copyOf(fnUnits), List.copyOf(pass.globals.values()),
                java.util.Collections.unmodifiableMap(arities),
                java.util.Set.copyOf(pass.libraryGlobals), pass.kernelRelease);
    }

    private void declare(List<Declaration> decls, boolean fromScript) {
        for (Declaration d : decls) {
            if (d instanceof Declaration.Global g) {
                if (!globals.containsKey(g.name())) {
                    Variable v = new Variable(g.name(), Variable.Scope.GLOBAL, g.pos(), globals.size(), g);
                    globals.put(g.name(), v);
                    if (!fromScript) {
                        libraryGlobals.add(v);
                    }
                    if (g.init() != null) {   // stap: an initialised global is a scalar, told by its '='
                        arity.put(v, new ArityUse(0, initPos(g), "operator '='"));
                    }
                }
            } else if (d instanceof Declaration.Function f) {
                functions.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                if (fromScript && f.embedded() != null) {
                    reportEmbedded(f);
                }
            } else if (d instanceof Declaration.Embedded e && fromScript) {
                embedded(e.pos());
            }
        }
    }

    /** Where the '=' of {@code global x = v} is written (the declaration's place if not on its line). */
    private SourcePos initPos(Declaration.Global g) {
        String line = diags.line(g.pos());
        if (line != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\\b" + java.util.regex.Pattern.quote(g.name()) + "\\s*=").matcher(line);
            if (m.find(Math.min(line.length(), Math.max(0, g.pos().column() - 1)))) {
                return new SourcePos(g.pos().file(), g.pos().line(), m.end());
            }
        }
        return g.pos();
    }

    private void embedded(SourcePos pos) {
        diags.addError("embedded C code is not supported: stapvm never runs embedded C, even with -g (guru mode)",
                "embedded-code", pos);
    }

    private void reportEmbedded(Declaration.Function f) {
        if (embeddedReported.add(f)) {
            embedded(f.pos());
        }
    }

    private void resolveBody(Unit u) {
        if (u.isFunction()) {
            for (Declaration.Param p : u.function().params()) {
                u.addParam(p);
            }
            if (u.function().body() == null) {
                return;
            }
        }
        new Walker(u).walk(u.body());
    }

    private Variable global(String name) {
        Variable g = globals.get(name);
        if (g == null && tapsets.load(tapsets.path().globalFile(name))) {
            declare(tapsets.drain(), false);
            g = globals.get(name);
        }
        return g;
    }

    /** The overload of {@code name} taking {@code arity} arguments, else (for the error) the last, as stap. */
    private Declaration.Function function(String name, int arity) {
        List<Declaration.Function> fs = functions.get(name);
        if (fs == null && tapsets.load(tapsets.path().functionFile(name))) {
            declare(tapsets.drain(), false);
            fs = functions.get(name);
        }
        if (fs == null) {
            return null;
        }
        Declaration.Function match = fs.stream().filter(f -> f.params().size() == arity).findFirst().orElse(null);
        if (match == null && nativeTakes(name, arity)) {
            return null; // a tapset overload (kernel_string(addr, err)) beside a native one (kernel_string(addr))
        }
        return match != null ? match : fs.get(fs.size() - 1);
    }

    /**
     * {@code f} and the other functions of its name and arity visible beside it, in the order stap
     * tries them on 'next': by priority, then as declared.
     */
    private List<Declaration.Function> overloads(Declaration.Function f) {
        List<Declaration.Function> all = new ArrayList<>();
        for (Declaration.Function o : functions.getOrDefault(f.name(), List.of())) {
            if (o.params().size() == f.params().size() && o.embedded() == null
                    && (!o.isPrivate() || o.pos().file().equals(f.pos().file()))) {
                all.add(o);
            }
        }
        if (!all.contains(f)) {
            all.add(0, f);
        }
        all.sort(java.util.Comparator.comparingLong(Declaration.Function::priority));
        return all;
    }

    private Unit functionUnit(Declaration.Function f) {
        Unit fu = functionUnits.get(f);
        if (fu == null) {
            fu = Unit.ofFunction(f);
            functionUnits.put(f, fu);
            toResolve.addLast(fu);
        }
        return fu;
    }

    private static boolean nativeTakes(String name, int arity) {
        Builtins.Builtin b = Builtins.lookup(name);
        return b != null && b.shape() == Builtins.Shape.FIXED && b.params().size() == arity;
    }

    private void checkArity(Variable g, int n, SourcePos pos) {
        ArityUse first = arity.get(g);
        if (first == null) {
            arity.put(g, new ArityUse(n, pos, Describe.ident(g.name())));
        } else if (first.arity() != n) {
            diags.add(diags.error("inconsistent arity (" + first.arity() + " vs " + n + ")", Describe.ident(g.name()), pos)
                    .withChain(diags.error("arity " + first.arity() + " first inferred here", first.token(),
                            first.pos())));
        }
    }

    /** A function's .return probe (kernel or process): the points where @entry(expr) has a meaning. */
    static boolean isReturn(ProbeSpec s) {
        return s.kind() == ProbeSpec.Kind.KERNEL ? "return".equals(s.unit())
                : s.kind() == ProbeSpec.Kind.PROCESS && s.user() != null && (s.user().event() == UserPoint.Event.RETURN
                        || s.user().event() == UserPoint.Event.SYSCALL_RETURN);
    }

    /** Walks one unit's body, filling its tables. */
    private final class Walker extends AstWalker {
        private final Unit unit;
        /** How many explicit @entry(...) the walk is inside, and whether it is in @defined(...). */
        private int explicitEntries;
        private boolean inDefined;

        Walker(Unit unit) {
            this.unit = unit;
        }

        /** A global visible from {@code pos}: private globals only in their own file. */
        private Variable visibleGlobal(String name, SourcePos pos) {
            Variable g = global(name);
            return g != null && g.global().isPrivate() && !g.pos().file().equals(pos.file()) ? null : g;
        }

        private Variable scalar(String name, SourcePos pos) {
            Variable v = unit.findLocal(name);
            if (v == null) {
                v = visibleGlobal(name, pos);
                if (v != null) {
                    checkArity(v, 0, pos);
                } else {
                    v = unit.addLocal(name, pos);
                }
            }
            return v;
        }

        /** An array use; arity -1 when the use does not tell (delete a). */
        private Variable array(String name, int n, SourcePos pos) {
            Variable g = unit.findLocal(name) == null ? visibleGlobal(name, pos) : null;
            if (g == null) {
                diags.addError("unresolved arity-" + Math.max(n, 0) + " global array " + name
                        + ", missing global declaration?", Describe.ident(name), pos);
                return null;
            }
            if (n >= 0) {
                checkArity(g, n, pos);
            }
            return g;
        }

        @Override
        public Void visitSymbol(Expression.Symbol e) {
            unit.symbols.put(e, scalar(e.name(), e.pos()));
            return null;
        }

        @Override
        public Void visitArrayElement(Expression.ArrayElement e) {
            Variable g = array(e.array(), e.keys().size(), e.pos());
            if (g != null) {
                unit.symbols.put(e, g);
            }
            return super.visitArrayElement(e);
        }

        @Override
        public Void visitAssign(Expression.Assign e) {
            if (!procfsStore(e.target(), e.op())) {
                store(e.target());
            }
            super.visitAssign(e);
            if (e.op() == org.stapvm.lang.ast.AssignOp.STAT_ADD && e.target() instanceof Expression.Symbol s
                    && unit.variable(s) != null && unit.variable(s).scope() != Variable.Scope.GLOBAL
                    && statLocals.add(unit.variable(s))) {
                diags.addError("stat locals not supported, missing global declaration? ", Describe.ident(s.name()), s.pos());
            }
            return null;
        }

        @Override
        public Void visitInArray(Expression.InArray e) {
            walkAll(e.keys());
            if (e.array() instanceof Expression.Symbol s) {
                Variable g = array(s.name(), e.keys().size(), s.pos());
                if (g != null) {
                    unit.symbols.put(s, g);
                }
            } else {
                walk(e.array());
            }
            return null;
        }

        @Override
        public Void visitForeach(Statement.Foreach s) {
            if (s.array() instanceof Expression.Symbol sym) {
                Variable g = array(sym.name(), s.keys().size(), sym.pos());
                if (g != null) {
                    unit.symbols.put(sym, g);
                }
            } else {
                walk(s.array());
            }
            walkAll(s.slice());
            if (s.valueVar() != null) {
                unit.foreachValues.put(s, scalar(s.valueVar(), s.pos()));
            }
            for (ForeachKey k : s.keys()) {
                unit.foreachKeys.put(k, scalar(k.name(), k.pos()));
            }
            walk(s.limit());
            walk(s.body());
            return null;
        }

        @Override
        public Void visitDelete(Statement.Delete s) {
            if (s.target() instanceof Expression.Target) {
                return null; // stap does not resolve it: CheckOperands refuses any target here
            }
            if (s.target() instanceof Expression.Symbol sym) {
                Variable v = unit.findLocal(sym.name());
                if (v == null) {
                    v = global(sym.name());
                }
                if (v == null) {
                    v = unit.addLocal(sym.name(), sym.pos());
                }
                unit.symbols.put(sym, v);
                return null;
            }
            return super.visitDelete(s);
        }

        @Override
        public Void visitTry(Statement.Try s) {
            walk(s.body());
            if (s.catchVar() != null) {
                unit.catchVars.put(s, scalar(s.catchVar(), s.handler().pos()));
            }
            walk(s.handler());
            return null;
        }

        @Override
        public Void visitCall(Expression.Call e) {
            super.visitCall(e);
            Declaration.Function f = function(e.function(), e.args().size());
            // a private function is visible only in its own file: the file of its body, as its own
            // position may be a macro's ("@__private30 function f" starts in private30.stpm)
            if (f != null && f.isPrivate() && !(f.body() != null ? f.body().pos() : f.pos()).file().equals(e.pos().file())) {
                f = null;
            }
            if (f != null) {
                if (f.params().size() != e.args().size()) {
                    Diagnostic d = diags.error("arity mismatch found (function '" + f.name() + "' takes "
                            + f.params().size() + " args)", Describe.ident(e.function()), e.pos());
                    diags.add(d.withRelated(diags.place(Describe.ident(f.name()), diags.namePos(f.pos(), f.name()))));
                    return null;
                }
                if (f.embedded() != null) {
                    reportEmbedded(f);
                    return null;
                }
                List<Unit> overloads = new ArrayList<>();
                for (Declaration.Function o : overloads(f)) {
                    overloads.add(functionUnit(o));
                }
                unit.calls.put(e, new Callee.Script(functionUnit(f), overloads));
                return null;
            }
            Builtins.Builtin b = Builtins.lookup(e.function());
            if (b == null) {
                List<String> names = new ArrayList<>(functions.keySet());
                names.addAll(tapsets.path().functionNames());
                names.addAll(Builtins.all().keySet());
                diags.addError("unresolved function " + e.function() + Similar.clause(e.function(), names),
                        Describe.ident(e.function()), e.pos());
                return null;
            }
            int n = e.args().size();
            boolean ok = switch (b.shape()) {
                case FIXED -> n == b.params().size();
                case PRINT -> n >= (b.name().endsWith("ln") ? 0 : 1); // println() prints a newline
                case DELIMITED, FORMAT -> n >= 1;
            };
            if (!ok) {
                diags.addError("arity mismatch found (function '" + b.name() + "' takes " + b.params().size()
                        + " args)", Describe.ident(e.function()), e.pos());
                return null;
            }
            if (b.shape() == Builtins.Shape.FORMAT && !(e.args().get(0) instanceof Expression.StringLiteral)) {
                // stap's grammar wants the format as a literal: its pass 1 rejects anything else.
                Expression fmt = e.args().get(0);
                diags.add(Diagnostic.parseError("expected literal string", Describe.token(fmt), fmt.pos(), diags.line(fmt.pos())));
            }
            unit.calls.put(e, new Callee.Native(b));
            return null;
        }

        @Override
        public Void visitEmbeddedCode(Expression.EmbeddedCode e) {
            embedded(e.pos());
            return null;
        }

        @Override
        public Void visitTarget(Expression.Target e) {
            // A target without a meaning is reported by CheckResolved, after type errors, as stap does.
            SyscallTargets.Meaning m = meaning(e);
            if (skipBadvars && !inDefined && (m == null || m.value() == null)) {
                // stap's words; a warning is told once per text, so a second bad $var is counted as suppressed
                diags.addWarning("Bad $context variable being substituted with literal 0", Describe.token(e), e.pos());
                unit.targets.put(e, new Expression.NumberLiteral(e.pos(), 0));
                unit.substituted.add(e);
                return null;
            }
            if (m != null && m.value() != null && Boolean.TRUE.equals(ProcfsTargets.reading(unit)) && !procfsStores.contains(e)) {
                diags.addError("procfs $value variable cannot be read in a procfs read probe", Describe.token(e), e.pos());
            }
            if (m != null && m.value() instanceof Expression.Entry && explicitEntries == 0 && !inDefined) {
                diags.addWarning("confusing usage, value is captured as @entry(" + stapText(e)
                        + ") in .return probe [man stapprobes] RETURN PROBES", Describe.token(e), e.pos());
            }
            if (m != null && m.value() != null) {
                unit.targets.put(e, m.value());
                // inside @entry(...) a .return probe's target is its implicit @entry: the same capture, not a nested one
                walk(explicitEntries > 0 && m.value() instanceof Expression.Entry implicit ? implicit.operand() : m.value());
            }
            return null;
        }

        private SyscallTargets.Meaning meaning(Expression.Target e) {
            return TargetMeanings.of(unit, e, kernelRelease);
        }

        /** A store into a procfs probe's $value: stap's errors; the = and .= a read probe allows are marked as stores. */
        private boolean procfsStore(Expression target, org.stapvm.lang.ast.AssignOp op) {
            Boolean reading = ProcfsTargets.reading(unit);
            if (reading == null || !(target instanceof Expression.Target t) || ProcfsTargets.of(t).value() == null) {
                return false;
            }
            String error = ProcfsTargets.storeError(reading, op);
            if (error != null) {
                diags.addError(error, Describe.token(t), t.pos());
            }
            procfsStores.add(t);
            return true;
        }

        /** stap rejects a store into a utrace target at once, alone, whatever the target. */
        private void store(Expression target) {
            if (skipBadvars && target instanceof Expression.Target t && (meaning(t) == null || meaning(t).value() == null)) {
                return; // it becomes the literal 0, which CheckOperands refuses to store into as stap does
            }
            if (target instanceof Expression.Target t && !TargetMeanings.userFamily(unit)) {
                SyscallTargets.Meaning dwarf = DwarfTargets.of(unit, t);
                if (dwarf != null && dwarf.value() != null) {
                    diags.addError("write to target variable not permitted; stapvm never writes a traced process's memory",
                            Describe.token(t), t.pos());
                } else if (KernelTargets.of(unit, t, kernelRelease) != null) {
                    diags.addError("write to target variable not permitted; stapvm never writes kernel memory",
                            Describe.token(t), t.pos());
                }
                return;
            }
            SyscallTargets.Meaning m = target instanceof Expression.Target t ? meaning(t) : null;
            if (m != null && MarkTargets.mark(unit) != null) {
                // an SDT argument is an rvalue to stap (it expands to a register read): stap's text
                diags.addError("Expecting lvalue for assignment", Describe.token(target), target.pos());
                return;
            }
            if (m != null) {
                Expression.Target t = (Expression.Target) target;
                if (m.value() != null) {
                    diags.addError(SyscallTargets.readOnly(t), Describe.token(t), t.pos());
                } else {
                    diags.addError(m.error(), m.errorToken(t), m.errorPos(t));
                }
            }
        }

        @Override
        public Void visitIncDec(Expression.IncDec e) {
            if (!procfsStore(e.operand(), null)) {
                store(e.operand());
            }
            return super.visitIncDec(e);
        }

        /** A target as stap prints it in pass 2: its pretty-printing dollars are a "->$" step. */
        private static String stapText(Expression.Target e) {
            String text = AstPrinter.print(e);
            int dollars = e.prettyDollars();
            return dollars == 0 ? text : text.substring(0, text.length() - dollars) + "->" + "$".repeat(dollars);
        }

        @Override
        public Void visitEntry(Expression.Entry e) {
            if (unit.probe() != null && isReturn(unit.probe().spec()) && explicitEntries == 0) {
                // a target in @entry(...) is captured at entry as written: no "confusing usage" warning;
                // stap moves the operand into the entry probe, where an inner @entry is refused
                explicitEntries++;
                try {
                    return super.visitEntry(e);
                } finally {
                    explicitEntries--;
                }
            }
            // stap 4.8's text, with the context line it prints first
            String where = unit.isFunction() ? "function " + unit.name() : "probe " + unit.name();
            Diagnostic cause = diags.error("internal error: @entry is only valid in .return probes",
                    Describe.token(e), e.pos());
            diags.add(diags.error("while processing " + where, null, null).withChain(cause));
            return null;
        }

        @Override
        public Void visitConst(Expression.Const e) {
            diags.addError("@const is not supported: stapvm never runs embedded C", Describe.token(e), e.pos());
            return null;
        }

        @Override
        public Void visitPerf(Expression.Perf e) {
            diags.addError("@perf is not supported by the userspace runtime", Describe.token(e), e.pos());
            return null;
        }

        @Override
        public Void visitProbeWrite(Expression.ProbeWrite e) {
            diags.addError("@probewrite is not supported by the userspace runtime", Describe.token(e), e.pos());
            return null;
        }

        @Override
        public Void visitDefined(Expression.Defined e) {
            // @defined of a target expression is false in begin/end/timer probes: nothing to resolve,
            // but a target the probe point gives a meaning ($syscall) is bound like any other.
            if (e.operand() instanceof Expression.Target t) {
                inDefined = true;
                visitTarget(t);
                inDefined = false;
                unit.defined.put(e, unit.targets.containsKey(t));
            }
            return null;
        }

        @Override
        public Void visitTernary(Expression.Ternary e) {
            walk(e.condition());
            Long k = unit.definedConstant(e.condition());
            if (k == null || k != 0) {
                walk(e.ifTrue());
            }
            if (k == null || k == 0) {
                walk(e.ifFalse());
            }
            return null;
        }

        @Override
        public Void visitIf(Statement.If s) {
            walk(s.condition());
            Long k = unit.definedConstant(s.condition());
            if (k == null || k != 0) {
                walk(s.then());
            }
            if (k == null || k == 0) {
                walk(s.otherwise());
            }
            return null;
        }
    }
}
