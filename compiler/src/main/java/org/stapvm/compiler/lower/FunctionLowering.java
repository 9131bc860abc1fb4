package org.stapvm.compiler.lower;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.Builtins;
import org.stapvm.compiler.sema.Callee;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.SortOrder;
import org.stapvm.lang.ast.StatOp;
import org.stapvm.lang.ast.Statement;

/**
 * Code generation for one body (probe handler or function): registers (int and string files,
 * variables first then statement-scoped temporaries), expressions, statements, jumps, source map.
 */
final class FunctionLowering {
    private final Lower lower;
    private final Unit unit;
    private final int index;
    private final List<Long> code = new ArrayList<>();
    private final Map<Variable, Integer> regs = new IdentityHashMap<>();
    private int nextI, nextS, maxI = 1, maxS = 1, iterators;
    private final Deque<Loop> loops = new ArrayDeque<>();
    private int tries;
    /** ITINIT sort columns SORT_SUM.. order a statistic array by @sum @min @max @avg (bytecode.h SVM_SORT_SUM). */
    private static final int SORT_SUM = 10;
    /** ITINIT sort spec: descending by value (@count for statistics). */
    private static final int SORT_VALUE_DESC = 2;
    /** stap's display of a statistic: these aggregates (indexes into SAGG's count,sum,min,max,avg) in this format. */
    private static final int[] STAT_DISPLAY = {0, 2, 3, 1, 4};
    private static final String STAT_FORMAT = " @count=%d @min=%d @max=%d @sum=%d @avg=%d";

    private final class Loop {
        final int tryDepth = tries;
        final List<Integer> breaks = new ArrayList<>();
        final List<Integer> continues = new ArrayList<>();
        Integer iterator;
    }

    /** The @entry slots of the probe body being lowered (empty for functions). */
    private final EntrySlots entrySlots;
    /** While a target expression's meaning is lowered: where its runtime errors are reported. */
    private String targetNear;

    FunctionLowering(Lower lower, Unit unit, int index) {
        this.lower = lower;
        this.unit = unit;
        this.index = index;
        this.entrySlots = lower.entrySlots(unit);
    }

    // ---- entry points

    Module.Function lower() {
        int[] args = allocateVariables();
        statement(unit.body());
        int ret = 0;
        if (unit.isFunction()) {
            Type rt = lower.program.returnTypes().get(unit);
            ret = rt == Type.STRING ? 2 : rt == Type.LONG ? 1 : 0;
        }
        defaultReturn(ret);
        return finish(unit.name(), args[0], args[1], ret);
    }

    /** The entry program of a .return probe: each @entry operand evaluated and stored in its slot. */
    Module.Function lowerEntryProgram() {
        allocateVariables();
        for (EntrySlots.Slot slot : entrySlots.slots()) {
            Expression operand = slot.entry().operand();
            if (slot.string()) {
                emit(Opcode.ESTS, se(operand), 0, 0, slot.offset());
            } else {
                emit(Opcode.EST, ie(operand), 0, 0, slot.offset());
            }
            resetTemps(0, 0);
        }
        emit(Opcode.RETV, 0, 0, 0, 0);
        return finish(unit.name() + ".entry", 0, 0, 0);
    }

    /** Registers for parameters then locals; returns the int and string argument counts. */
    private int[] allocateVariables() {
        int ia = 0, sa = 0;
        if (unit.isFunction()) {
            for (Variable p : unit.params()) {
                if (isString(lower.type(p))) {
                    regs.put(p, nextS++);
                    sa++;
                } else {
                    regs.put(p, nextI++);
                    ia++;
                }
            }
        }
        for (Variable v : unit.locals()) {
            if (isString(lower.type(v))) {
                regs.put(v, nextS++);
            } else {
                regs.put(v, nextI++);
            }
        }
        bump();
        return new int[] {ia, sa};
    }

    Module.Function lowerGlobalInit(List<Variable> globals) {
        for (Variable g : globals) {
            if (g.global() == null || g.global().init() == null) {
                continue;
            }
            int gi = lower.globalIndex.get(g);
            if (isString(lower.type(g))) {
                emit(Opcode.GSETS, se(g.global().init()), 0, 0, gi);
            } else {
                emit(Opcode.GSET, ie(g.global().init()), 0, 0, gi);
            }
            resetTemps(0, 0);
        }
        emit(Opcode.RETV, 0, 0, 0, 0);
        return finish("__global_init", 0, 0, 0);
    }

    /** SystemTap's display of globals written but never read: name=value, name="value", name[k]=v. */
    Module.Function lowerPrintAtEnd(List<Variable> globals) {
        for (Variable g : globals) {
            int gi = lower.globalIndex.get(g);
            Type t = lower.type(g);
            List<Type> keys = lower.program.keyTypes().getOrDefault(g, List.of());
            if (t == Type.STATS) {
                if (keys.isEmpty()) {
                    // stap: "name @count=%d @min=%d @max=%d @sum=%d @avg=%d"
                    int agg = nextI;
                    nextI += 6;
                    int w = nextI;
                    nextI += 5;
                    bump();
                    emit(Opcode.SAGG, agg, 0, 0, gi);
                    int empty = emitJump(Opcode.JZ, agg, 0, 0);
                    for (int i = 0; i < STAT_DISPLAY.length; i++) {
                        emit(Opcode.MOV, w + i, agg + STAT_DISPLAY[i], 0, 0);
                    }
                    int fmt = tmpS();
                    emit(Opcode.LDS, fmt, 0, 0, lower.string(g.name() + STAT_FORMAT + "\n"));
                    helper(Opcode.Helper.PRINTF, tmpI(), w, 5, fmt, 1, false);
                    patch(empty);
                    resetTemps(0, 0);
                    continue;
                }
            }
            String valueFormat = isString(t) ? "\"%s\"" : "%d";
            if (keys.isEmpty()) {
                int fmt = tmpS();
                emit(Opcode.LDS, fmt, 0, 0, lower.string(g.name() + "=" + valueFormat + "\n"));
                if (isString(t)) {
                    int v = tmpS();
                    emit(Opcode.GGETS, v, 0, 0, gi);
                    helper(Opcode.Helper.PRINTF, tmpI(), 0, 0, fmt, 2, false);
                } else {
                    int v = tmpI();
                    emit(Opcode.GGET, v, 0, 0, gi);
                    helper(Opcode.Helper.PRINTF, tmpI(), v, 1, fmt, 1, false);
                }
            } else {
                int it = iterators++;
                int limit = tmpI();
                emit(Opcode.LDI, limit, 0, 0, 0);
                emit(Opcode.ITINIT, it, limit, SORT_VALUE_DESC, gi);
                int ni = (int) keys.stream().filter(k -> k != Type.STRING).count();
                int ns = keys.size() - ni;
                // Key window is laid out so that the printf window follows: ints [keys..., value],
                // strings [fmt, keys..., value].
                int fmt = tmpS();
                boolean stats = t == Type.STATS;
                int ki = nextI;
                for (int i = 0; i < ni + (stats ? STAT_DISPLAY.length : 1); i++) {
                    tmpI();
                }
                int ks = nextS;
                for (int i = 0; i < ns + 1; i++) {
                    tmpS();
                }
                int top = code.size();
                int exit = emitJump(Opcode.ITNEXT, it, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks);
                StringBuilder f = new StringBuilder(g.name()).append('[');
                for (int i = 0; i < keys.size(); i++) {
                    f.append(i > 0 ? "," : "").append(isString(keys.get(i)) ? "\"%s\"" : "%d");
                }
                f.append(']').append(stats ? STAT_FORMAT : "=" + valueFormat).append('\n');
                emit(Opcode.LDS, fmt, 0, 0, lower.string(f.toString()));
                if (stats) {
                    int agg = nextI;
                    nextI += 6;
                    bump();
                    emit(Opcode.AAGG, agg, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
                    for (int i = 0; i < STAT_DISPLAY.length; i++) {
                        emit(Opcode.MOV, ki + ni + i, agg + STAT_DISPLAY[i], 0, 0);
                    }
                    helper(Opcode.Helper.PRINTF, tmpI(), ki, ni + STAT_DISPLAY.length, fmt, ns + 1, false);
                } else if (isString(t)) {
                    emit(Opcode.AGETS, ks + ns, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
                    helper(Opcode.Helper.PRINTF, tmpI(), ni == 0 ? 0 : ki, ni, fmt, ns + 2, false);
                } else {
                    emit(Opcode.AGET, ki + ni, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
                    helper(Opcode.Helper.PRINTF, tmpI(), ki, ni + 1, fmt, ns + 1, false);
                }
                jumpTo(top);
                patch(exit);
                emit(Opcode.ITEND, it, 0, 0, 0);
            }
            resetTemps(0, 0);
        }
        emit(Opcode.RETV, 0, 0, 0, 0);
        return finish("__print_globals", 0, 0, 0);
    }

    // ---- helpers: registers, emission, jumps

    private static boolean isString(Type t) {
        return t == Type.STRING;
    }

    private Type typeOf(Expression e) {
        if (e instanceof Expression.StringLiteral || Optimize.stringConstant(e) != null) {
            return Type.STRING;
        }
        return lower.program.typeOf(unit, e);
    }

    private int tmpI() {
        int r = nextI++;
        bump();
        return r;
    }

    private int tmpS() {
        int r = nextS++;
        bump();
        return r;
    }

    private void bump() {
        maxI = Math.max(maxI, nextI);
        maxS = Math.max(maxS, nextS);
        if (maxI > 256 || maxS > 256) {
            throw new LowerException("too many registers in " + (unit == null ? "handler" : unit.name()));
        }
    }

    private void resetTemps(int baseI, int baseS) {
        nextI = Math.max(nextI == 0 ? 0 : baseI, baseI);
        nextS = baseS;
    }

    private int emit(Opcode op, int a, int b, int c, int x) {
        code.add(op.encode(a, b, c, x));
        return code.size() - 1;
    }

    private void at(String text) {
        lower.sourceMap.add(new Module.SourceLoc(index, code.size(), lower.string(text)));
    }

    private int emitJump(Opcode op, int a, int b, int c) {
        return emit(op, a, b, c, 0);
    }

    /** Points the jump at {@code at} to the current end of code. */
    private void patch(int at) {
        patchTo(at, code.size());
    }

    private void patchTo(int at, int target) {
        long insn = code.get(at);
        code.set(at, (insn & 0xffffffffL) | ((long) (target - at - 1)) << 32);
    }

    private void jumpTo(int target) {
        int at = emit(Opcode.JMP, 0, 0, 0, 0);
        patchTo(at, target);
    }

    /** A loop's backward jump: MAXACTION runs out there, reported at the body's first statement as stap does. */
    private void backTo(int top, Statement body) {
        String where = firstToken(body);
        if (where != null) {
            at(where);
        }
        jumpTo(top);
    }

    /** "identifier 'x' at F:L:C" for the leftmost token of a statement, or null when unknown. */
    static String firstToken(Statement s) {
        while (s instanceof Statement.Block b && !b.statements().isEmpty()) {
            s = b.statements().get(0);
        }
        if (!(s instanceof Statement.ExprStmt es)) {
            return null;
        }
        Expression e = es.expression();
        while (true) {
            if (e instanceof Expression.Assign a) {
                e = a.target();
            } else if (e instanceof Expression.IncDec d && !d.prefix()) {
                e = d.operand();
            } else if (e instanceof Expression.Binary b) {
                e = b.left();
            } else {
                break;
            }
        }
        String name = e instanceof Expression.Symbol y ? y.name() : e instanceof Expression.ArrayElement a ? a.array()
                : e instanceof Expression.Call c ? c.function() : null;
        return name == null ? null : "identifier '" + name + "' at " + e.pos();
    }

    private void defaultReturn(int ret) {
        if (ret == 1) {
            int r = tmpI();
            emit(Opcode.LDI, r, 0, 0, 0);
            emit(Opcode.RET, r, 0, 0, 0);
        } else if (ret == 2) {
            int r = tmpS();
            emit(Opcode.LDS, r, 0, 0, lower.string(""));
            emit(Opcode.RETS, r, 0, 0, 0);
        } else {
            emit(Opcode.RETV, 0, 0, 0, 0);
        }
    }

    private Module.Function finish(String name, int ia, int sa, int ret) {
        long[] c = new long[code.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = code.get(i);
        }
        return new Module.Function(lower.string(name), maxI, maxS, ia, sa, ret, iterators, c);
    }

    /** Lowers a target's meaning with runtime errors placed at the target, as stap places its fault errors. */
    private int inTarget(Expression.Target t, java.util.function.IntSupplier lowering) {
        String outer = targetNear;
        if (outer == null) {
            String name = t.base() instanceof org.stapvm.lang.ast.TargetBase.Variable v ? "identifier '" + v.name() + "'"
                    : t.base() instanceof org.stapvm.lang.ast.TargetBase.Cast ? "operator '@cast'" : "operator '->'";
            targetNear = name + " at " + t.pos();
        }
        try {
            return lowering.getAsInt();
        } finally {
            targetNear = outer;
        }
    }

    private void helper(Opcode.Helper h, int a, int bi, int ni, int cs, int ns, boolean str) {
        emit(str ? Opcode.HCALLS : Opcode.HCALL, a, ni == 0 ? 0 : bi, ns == 0 ? 0 : cs,
                Opcode.helperOperand(h, ni, ns));
    }

    // ---- statements

    private void statement(Statement s) {
        int bi = nextI, bs = nextS;
        if (s instanceof Statement.Block b) {
            for (Statement x : b.statements()) {
                statement(x);
                if (x instanceof Statement.Return || x instanceof Statement.Next || x instanceof Statement.Break
                        || x instanceof Statement.Continue) {
                    break;
                }
            }
        } else if (s instanceof Statement.Empty) {
            return;
        } else if (s instanceof Statement.ExprStmt e) {
            effect(e.expression());
        } else if (s instanceof Statement.If i) {
            Long k = Optimize.constant(i.condition());
            if (k != null) {
                if (k != 0) {
                    statement(i.then());
                } else if (i.otherwise() != null) {
                    statement(i.otherwise());
                }
            } else {
                int c = cond(i.condition());
                int jz = emitJump(Opcode.JZ, c, 0, 0);
                nextI = bi;
                nextS = bs;
                statement(i.then());
                if (i.otherwise() != null) {
                    int j = emitJump(Opcode.JMP, 0, 0, 0);
                    patch(jz);
                    statement(i.otherwise());
                    patch(j);
                } else {
                    patch(jz);
                }
            }
        } else if (s instanceof Statement.While w) {
            loop(null, w.condition(), null, w.body());
        } else if (s instanceof Statement.For f) {
            if (f.init() != null) {
                effect(f.init());
                nextI = bi;
                nextS = bs;
            }
            loop(null, f.condition(), f.step(), f.body());
        } else if (s instanceof Statement.Foreach f) {
            foreach(f);
        } else if (s instanceof Statement.Break) {
            leaveTries(loops.peek());
            loops.peek().breaks.add(emitJump(Opcode.JMP, 0, 0, 0));
        } else if (s instanceof Statement.Continue) {
            leaveTries(loops.peek());
            loops.peek().continues.add(emitJump(Opcode.JMP, 0, 0, 0));
        } else if (s instanceof Statement.Try t) {
            tryCatch(t);
        } else if (s instanceof Statement.Next) {
            endIterators();
            emit(Opcode.RETV, 0, 0, 0, 0);
        } else if (s instanceof Statement.Return r) {
            endIterators();
            if (r.value() == null) {
                emit(Opcode.RETV, 0, 0, 0, 0);
            } else if (isString(lower.program.returnTypes().get(unit))) {
                emit(Opcode.RETS, se(r.value()), 0, 0, 0);
            } else {
                emit(Opcode.RET, ie(r.value()), 0, 0, 0);
            }
        } else if (s instanceof Statement.Delete d) {
            delete(d.target());
        } else {
            throw new LowerException("not supported yet: " + s.getClass().getSimpleName() + " at " + s.pos());
        }
        nextI = bi;
        nextS = bs;
    }

    /** try { body } catch (msg) { handler }: TRY points at the handler, ENDTRY closes the body. */
    private void tryCatch(Statement.Try t) {
        Variable cv = unit.catchVar(t);
        int msg = cv != null && regs.containsKey(cv) ? regs.get(cv) : tmpS();
        int at = emitJump(Opcode.TRY, msg, 0, 0);
        tries++;
        statement(t.body());
        tries--;
        emit(Opcode.ENDTRY, 0, 0, 0, 0);
        int j = emitJump(Opcode.JMP, 0, 0, 0);
        patch(at);
        statement(t.handler());
        patch(j);
    }

    /** A break or continue leaving try blocks opened inside its loop pops their handlers. */
    private void leaveTries(Loop l) {
        for (int i = l.tryDepth; i < tries; i++) {
            emit(Opcode.ENDTRY, 0, 0, 0, 0);
        }
    }

    private void endIterators() {
        for (Loop l : loops) {
            if (l.iterator != null) {
                emit(Opcode.ITEND, l.iterator, 0, 0, 0);
            }
        }
    }

    private void loop(Integer iterator, Expression condition, Expression step, Statement body) {
        int bi = nextI, bs = nextS;
        int top = code.size();
        Integer exit = null;
        if (condition != null) {
            Long k = Optimize.constant(condition);
            if (k == null || k == 0) {
                exit = emitJump(Opcode.JZ, cond(condition), 0, 0);
            }
            nextI = bi;
            nextS = bs;
        }
        Loop l = new Loop();
        loops.push(l);
        statement(body);
        loops.pop();
        int cont = code.size();
        if (step != null) {
            effect(step);
            nextI = bi;
            nextS = bs;
        }
        backTo(top, body);
        for (int c : l.continues) {
            patchTo(c, cont);
        }
        if (exit != null) {
            patch(exit);
        }
        for (int b : l.breaks) {
            patch(b);
        }
    }

    private void foreach(Statement.Foreach f) {
        Variable array = unit.variable(f.array());
        if (array == null && f.array() instanceof Expression.Symbol) {
            throw new LowerException("foreach over an unresolved array at " + f.pos());
        }
        int gi = lower.globalIndex.get(array);
        List<Type> keyTypes = lower.program.keyTypes().get(array);
        int sort = 0;
        for (int i = 0; i < f.keys().size(); i++) {
            SortOrder o = f.keys().get(i).sort();
            if (o != null && o != SortOrder.NONE) {
                sort = (o == SortOrder.ASCENDING ? 1 : 2) | (i + 1) << 2;
            }
        }
        if (f.valueSort() != null && f.valueSort() != SortOrder.NONE) {
            sort = f.valueSort() == SortOrder.ASCENDING ? 1 : 2;
            StatOp by = f.sortStat();
            if (by != null && by != StatOp.COUNT && by != StatOp.VARIANCE) {
                sort |= (SORT_SUM + by.ordinal() - StatOp.SUM.ordinal()) << 2;
            }
        }
        int limit = tmpI();
        Long fixedLimit = f.limit() == null ? null : Optimize.constant(f.limit());
        if (f.limit() == null) {
            emit(Opcode.LDI, limit, 0, 0, 0);
        } else if (fixedLimit != null) {
            // ITINIT: 0 is no limit, negative is none at all
            emit(Opcode.LDI, limit, 0, 0, fixedLimit <= 0 ? -1 : (int) Math.min(fixedLimit, Integer.MAX_VALUE));
        } else {
            emit(Opcode.MOV, limit, ie(f.limit()), 0, 0);
            int zero = tmpI(), le = tmpI();
            emit(Opcode.LDI, zero, 0, 0, 0);
            emit(Opcode.LE, le, limit, zero, 0);
            int jz = emitJump(Opcode.JZ, le, 0, 0);
            emit(Opcode.LDI, limit, 0, 0, -1);
            patch(jz);
        }
        int it = iterators++;
        emit(Opcode.ITINIT, it, limit, sort, gi);
        int ni = 0, ns = 0;
        for (Type t : keyTypes) {
            if (isString(t)) {
                ns++;
            } else {
                ni++;
            }
        }
        int ki = nextI, ks = nextS;
        nextI += ni;
        nextS += ns;
        bump();
        int bi = nextI, bs = nextS;
        int top = code.size();
        int exit = emitJump(Opcode.ITNEXT, it, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks);
        int ii = 0, ss = 0;
        for (int i = 0; i < f.keys().size(); i++) {
            ForeachKey k = f.keys().get(i);
            Variable v = unit.foreachKey(k);
            boolean str = isString(keyTypes.get(i));
            int src = str ? ks + ss++ : ki + ii++;
            if (v != null && regs.containsKey(v)) {
                emit(str ? Opcode.MOVS : Opcode.MOV, regs.get(v), src, 0, 0);
            }
        }
        Variable value = unit.foreachValue(f);
        if (value != null && regs.containsKey(value)) {
            Type vt = lower.type(array);
            if (isString(vt)) {
                emit(Opcode.AGETS, regs.get(value), ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
            } else {
                emit(Opcode.AGET, regs.get(value), ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
            }
        }
        Loop l = new Loop();
        l.iterator = it;
        loops.push(l);
        statement(f.body());
        loops.pop();
        nextI = bi;
        nextS = bs;
        backTo(top, f.body());
        for (int c : l.continues) {
            patchTo(c, top);
        }
        patch(exit);
        for (int b : l.breaks) {
            patch(b);
        }
        emit(Opcode.ITEND, it, 0, 0, 0);
    }

    private void delete(Expression target) {
        if (target instanceof Expression.ArrayElement a) {
            Variable g = unit.variable(a);
            int[] w = keys(g, a.keys());
            emit(Opcode.ADEL, 0, w[0], w[1], lower.globalIndex.get(g));
        } else {
            Variable v = unit.variable(target);
            if (v.scope() == Variable.Scope.GLOBAL) {
                Type t = lower.type(v);
                List<Type> kt = lower.program.keyTypes().getOrDefault(v, List.of());
                int gi = lower.globalIndex.get(v);
                if (!kt.isEmpty() || t == Type.STATS) {
                    emit(Opcode.ACLEAR, 0, 0, 0, gi);
                } else if (isString(t)) {
                    int r = tmpS();
                    emit(Opcode.LDS, r, 0, 0, lower.string(""));
                    emit(Opcode.GSETS, r, 0, 0, gi);
                } else {
                    int r = tmpI();
                    emit(Opcode.LDI, r, 0, 0, 0);
                    emit(Opcode.GSET, r, 0, 0, gi);
                }
            } else if (isString(lower.type(v))) {
                emit(Opcode.LDS, regs.get(v), 0, 0, lower.string(""));
            } else {
                emit(Opcode.LDI, regs.get(v), 0, 0, 0);
            }
        }
    }

    // ---- expressions

    /** Evaluates for effect only (void calls, assignments...). */
    private void effect(Expression e) {
        Type t = typeOf(e);
        if (e instanceof Expression.Call c) {
            call(c, false);
        } else if (isString(t)) {
            se(e);
        } else {
            ie(e);
        }
    }

    private int cond(Expression e) {
        if (isString(typeOf(e))) {
            // a string in a condition: non-empty
            int r = tmpI();
            int empty = tmpS();
            emit(Opcode.LDS, empty, 0, 0, lower.string(""));
            emit(Opcode.SNE, r, se(e), empty, 0);
            return r;
        }
        return ie(e);
    }

    private int loadInt(long v) {
        int r = tmpI();
        if (v == (int) v) {
            emit(Opcode.LDI, r, 0, 0, (int) v);
        } else {
            emit(Opcode.LDK, r, 0, 0, lower.constant(v));
        }
        return r;
    }

    /** The value of an int expression in a register (a variable's own register for a local). */
    int ie(Expression e) {
        if (e instanceof Expression.Target t) {
            return inTarget(t, () -> ie(unit.target(t))); // $syscall, $param: the expression they stand for
        }
        Long k = Optimize.constant(e);
        if (k != null) {
            return loadInt(k);
        }
        if (e instanceof Expression.Symbol) {
            Variable v = unit.variable(e);
            if (v.scope() == Variable.Scope.GLOBAL) {
                int r = tmpI();
                emit(Opcode.GGET, r, 0, 0, lower.globalIndex.get(v));
                return r;
            }
            return regs.get(v);
        }
        if (e instanceof Expression.Entry en) {
            int r = tmpI();
            emit(Opcode.ELD, r, 0, 0, entrySlots.offset(en));
            return r;
        }
        if (e instanceof Expression.ScriptArg || e instanceof Expression.ScriptArgCount) {
            String text = lower.program.scriptArgs().get(e);
            long v = 0;
            try {
                v = text == null ? 0 : Long.decode(text.trim());
            } catch (NumberFormatException ex) {
                throw new LowerException("script argument is not a number: " + text);
            }
            return loadInt(v);
        }
        if (e instanceof Expression.ArrayElement a) {
            Variable g = unit.variable(a);
            int[] w = keys(g, a.keys());
            int r = tmpI();
            emit(Opcode.AGET, r, w[0], w[1], lower.globalIndex.get(g));
            return r;
        }
        if (e instanceof Expression.Call c) {
            return call(c, false);
        }
        if (e instanceof Expression.Unary u) {
            int v = ie(u.operand());
            int r = tmpI();
            switch (u.op()) {
                case PLUS -> emit(Opcode.MOV, r, v, 0, 0);
                case NEG -> emit(Opcode.NEG, r, v, 0, 0);
                case NOT -> emit(Opcode.LNOT, r, v, 0, 0);
                case BIT_NOT -> emit(Opcode.BNOT, r, v, 0, 0);
            }
            return r;
        }
        if (e instanceof Expression.Binary b) {
            return binary(b);
        }
        if (e instanceof Expression.Ternary t) {
            int r = tmpI();
            int jz = emitJump(Opcode.JZ, cond(t.condition()), 0, 0);
            emit(Opcode.MOV, r, ie(t.ifTrue()), 0, 0);
            int j = emitJump(Opcode.JMP, 0, 0, 0);
            patch(jz);
            emit(Opcode.MOV, r, ie(t.ifFalse()), 0, 0);
            patch(j);
            return r;
        }
        if (e instanceof Expression.Assign a) {
            return assignInt(a);
        }
        if (e instanceof Expression.IncDec d) {
            int old = tmpI();
            emit(Opcode.MOV, old, ie(d.operand()), 0, 0);
            int nw = tmpI();
            emit(Opcode.ADDI, nw, old, 0, d.increment() ? 1 : -1);
            store(d.operand(), nw);
            return d.prefix() ? nw : old;
        }
        if (e instanceof Expression.InArray in) {
            Variable g = unit.variable(in.array());
            if (g == null) {
                g = unit.variable(in);
            }
            int[] w = keys(g, in.keys());
            int r = tmpI();
            emit(Opcode.AEXISTS, r, w[0], w[1], lower.globalIndex.get(g));
            return r;
        }
        if (e instanceof Expression.RegexMatch m) {
            int r = tmpI();
            emit(Opcode.REMATCH, r, se(m.subject()), 0, lower.regex(m.pattern()));
            if (m.negated()) {
                emit(Opcode.LNOT, r, r, 0, 0);
            }
            return r;
        }
        if (e instanceof Expression.Stat st) {
            int w = nextI;
            nextI += 6;
            bump();
            Expression operand = st.operand();
            if (operand instanceof Expression.ArrayElement a) {
                Variable g = unit.variable(a);
                int[] kw = keys(g, a.keys());
                emit(Opcode.AAGG, w, kw[0], kw[1], lower.globalIndex.get(g));
            } else {
                emit(Opcode.SAGG, w, 0, 0, lower.globalIndex.get(unit.variable(operand)));
            }
            if (st.op() == StatOp.MIN || st.op() == StatOp.MAX || st.op() == StatOp.AVG) {
                // stap: no value has nothing to take the min, max or average of
                int ok = emitJump(Opcode.JNZ, w, 0, 0);
                int m = tmpS();
                emit(Opcode.LDS, m, 0, 0, lower.string("empty aggregate"));
                at("operator '" + st.op().text + "' at " + st.pos());
                emit(Opcode.THROW, m, 0, 0, 0);
                patch(ok);
            }
            return w + st.op().ordinal();
        }
        throw new LowerException("not supported yet: " + e.getClass().getSimpleName() + " at " + e.pos());
    }

    /** The value of a string expression in a string register. */
    int se(Expression e) {
        if (e instanceof Expression.Target t) {
            return inTarget(t, () -> se(unit.target(t)));
        }
        String k = Optimize.stringConstant(e);
        if (k != null) {
            int r = tmpS();
            emit(Opcode.LDS, r, 0, 0, lower.string(k));
            return r;
        }
        if (!isString(typeOf(e))) {
            int r = tmpS();
            emit(Opcode.I2S, r, ie(e), 0, 0);
            return r;
        }
        if (e instanceof Expression.Entry en) {
            int r = tmpS();
            emit(Opcode.ELDS, r, 0, 0, entrySlots.offset(en));
            return r;
        }
        if (e instanceof Expression.Symbol) {
            Variable v = unit.variable(e);
            if (v.scope() == Variable.Scope.GLOBAL) {
                int r = tmpS();
                emit(Opcode.GGETS, r, 0, 0, lower.globalIndex.get(v));
                return r;
            }
            return regs.get(v);
        }
        if (e instanceof Expression.ScriptArg || e instanceof Expression.ScriptArgCount) {
            String text = lower.program.scriptArgs().get(e);
            int r = tmpS();
            emit(Opcode.LDS, r, 0, 0, lower.string(text == null ? "" : text));
            return r;
        }
        if (e instanceof Expression.ArrayElement a) {
            Variable g = unit.variable(a);
            int[] w = keys(g, a.keys());
            int r = tmpS();
            emit(Opcode.AGETS, r, w[0], w[1], lower.globalIndex.get(g));
            return r;
        }
        if (e instanceof Expression.Call c) {
            return call(c, true);
        }
        if (e instanceof Expression.Binary b && b.op() == BinaryOp.CONCAT) {
            int l = se(b.left());
            int r = se(b.right());
            int d = tmpS();
            emit(Opcode.CONCAT, d, l, r, 0);
            return d;
        }
        if (e instanceof Expression.Ternary t) {
            int r = tmpS();
            int jz = emitJump(Opcode.JZ, cond(t.condition()), 0, 0);
            emit(Opcode.MOVS, r, se(t.ifTrue()), 0, 0);
            int j = emitJump(Opcode.JMP, 0, 0, 0);
            patch(jz);
            emit(Opcode.MOVS, r, se(t.ifFalse()), 0, 0);
            patch(j);
            return r;
        }
        if (e instanceof Expression.Assign a) {
            int v;
            if (a.op() == org.stapvm.lang.ast.AssignOp.CONCAT) {
                int l = se(a.target());
                int r = se(a.value());
                v = tmpS();
                emit(Opcode.CONCAT, v, l, r, 0);
            } else {
                v = se(a.value());
            }
            storeS(a.target(), v);
            return v;
        }
        throw new LowerException("not supported yet: string " + e.getClass().getSimpleName() + " at " + e.pos());
    }

    private int binary(Expression.Binary b) {
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
            int r = tmpI();
            int l = cond(b.left());
            emit(Opcode.MOV, r, l, 0, 0);
            int j = emitJump(b.op() == BinaryOp.AND ? Opcode.JZ : Opcode.JNZ, r, 0, 0);
            emit(Opcode.MOV, r, cond(b.right()), 0, 0);
            patch(j);
            int n = tmpI();
            emit(Opcode.LNOT, n, r, 0, 0);
            emit(Opcode.LNOT, r, n, 0, 0);
            return r;
        }
        boolean strings = isString(typeOf(b.left())) || isString(typeOf(b.right()));
        if (strings) {
            int l = se(b.left());
            int r = se(b.right());
            int d = tmpI();
            Opcode op = switch (b.op()) {
                case EQ -> Opcode.SEQ;
                case NE -> Opcode.SNE;
                case LT -> Opcode.SLT;
                case LE -> Opcode.SLE;
                case GT -> Opcode.SGT;
                case GE -> Opcode.SGE;
                default -> throw new LowerException("string operator " + b.op().text + " at " + b.pos());
            };
            emit(op, d, l, r, 0);
            return d;
        }
        int l = ie(b.left());
        int r = ie(b.right());
        int d = tmpI();
        arith(b.op(), d, l, r, b.pos());
        return d;
    }

    private void arith(BinaryOp op, int d, int l, int r, org.stapvm.lang.ast.SourcePos pos) {
        Opcode o = switch (op) {
            case ADD -> Opcode.ADD;
            case SUB -> Opcode.SUB;
            case MUL -> Opcode.MUL;
            case DIV -> Opcode.DIV;
            case MOD -> Opcode.MOD;
            case SHL -> Opcode.SHL;
            case SHR -> Opcode.SHR;
            case BIT_AND -> Opcode.AND;
            case BIT_OR -> Opcode.OR;
            case BIT_XOR -> Opcode.XOR;
            case LT -> Opcode.LT;
            case LE -> Opcode.LE;
            case GT -> Opcode.GT;
            case GE -> Opcode.GE;
            case EQ -> Opcode.EQ;
            case NE -> Opcode.NE;
            default -> throw new LowerException("operator " + op.text + " at " + pos);
        };
        if (o == Opcode.DIV || o == Opcode.MOD) {
            at("operator '" + op.text + "' at " + pos);
        }
        emit(o, d, l, r, 0);
    }

    private int assignInt(Expression.Assign a) {
        if (a.op() == org.stapvm.lang.ast.AssignOp.STAT_ADD) {
            int v = ie(a.value());
            if (a.target() instanceof Expression.ArrayElement el) {
                Variable g = unit.variable(el);
                int[] w = keys(g, el.keys());
                at("identifier '" + el.array() + "' at " + el.pos());
                emit(Opcode.AADD, v, w[0], w[1], lower.globalIndex.get(g));
            } else {
                emit(Opcode.SADD, v, 0, 0, lower.globalIndex.get(unit.variable(a.target())));
            }
            return v;
        }
        int v;
        if (a.op() == org.stapvm.lang.ast.AssignOp.ASSIGN) {
            v = ie(a.value());
        } else {
            int l = ie(a.target());
            int r = ie(a.value());
            v = tmpI();
            arith(a.op().binary, v, l, r, a.pos());
        }
        store(a.target(), v);
        return v;
    }

    private void store(Expression target, int v) {
        if (target instanceof Expression.ArrayElement a) {
            Variable g = unit.variable(a);
            int[] w = keys(g, a.keys());
            at("identifier '" + a.array() + "' at " + a.pos());
            emit(Opcode.ASET, v, w[0], w[1], lower.globalIndex.get(g));
            return;
        }
        Variable var = unit.variable(target);
        if (var.scope() == Variable.Scope.GLOBAL) {
            emit(Opcode.GSET, v, 0, 0, lower.globalIndex.get(var));
        } else if (regs.get(var) != v) {
            emit(Opcode.MOV, regs.get(var), v, 0, 0);
        }
    }

    private void storeS(Expression target, int v) {
        if (target instanceof Expression.ArrayElement a) {
            Variable g = unit.variable(a);
            int[] w = keys(g, a.keys());
            at("identifier '" + a.array() + "' at " + a.pos());
            emit(Opcode.ASETS, v, w[0], w[1], lower.globalIndex.get(g));
            return;
        }
        Variable var = unit.variable(target);
        if (var.scope() == Variable.Scope.GLOBAL) {
            emit(Opcode.GSETS, v, 0, 0, lower.globalIndex.get(var));
        } else if (regs.get(var) != v) {
            emit(Opcode.MOVS, regs.get(var), v, 0, 0);
        }
    }

    /** Evaluates array keys into a fresh window: {int window start, string window start}. */
    private int[] keys(Variable array, List<Expression> keys) {
        List<Type> kt = lower.program.keyTypes().get(array);
        return window(keys, kt);
    }

    private int[] window(List<Expression> args, List<Type> types) {
        int ni = 0, ns = 0;
        for (Type t : types) {
            if (isString(t)) {
                ns++;
            } else {
                ni++;
            }
        }
        int wi = nextI, ws = nextS;
        nextI += ni;
        nextS += ns;
        bump();
        int ii = 0, ss = 0;
        for (int i = 0; i < args.size(); i++) {
            if (isString(types.get(i))) {
                int r = se(args.get(i));
                if (r != ws + ss) {
                    emit(Opcode.MOVS, ws + ss, r, 0, 0);
                }
                ss++;
            } else {
                int r = ie(args.get(i));
                if (r != wi + ii) {
                    emit(Opcode.MOV, wi + ii, r, 0, 0);
                }
                ii++;
            }
        }
        return new int[] {ni == 0 ? 0 : wi, ns == 0 ? 0 : ws, ni, ns};
    }

    private List<Type> argTypes(List<Expression> args) {
        List<Type> t = new ArrayList<>();
        for (Expression a : args) {
            t.add(isString(typeOf(a)) ? Type.STRING : Type.LONG);
        }
        return t;
    }

    private static boolean isHistogram(Expression e) {
        return e instanceof Expression.HistLinear || e instanceof Expression.HistLog;
    }

    /** Prints @hist_linear/@hist_log of a statistic (the global carries the histogram shape). */
    private void histogram(Expression h, Expression.Call c) {
        Expression operand = h instanceof Expression.HistLinear l ? l.operand() : ((Expression.HistLog) h).operand();
        Variable g = unit.variable(operand);
        String where = "identifier '" + c.function() + "' at " + c.pos();
        if (operand instanceof Expression.ArrayElement a) {
            int[] w = keys(g, a.keys());
            at(where);
            emit(Opcode.AHPRINT, 0, w[0], w[1], lower.globalIndex.get(g));
        } else {
            at(where);
            emit(Opcode.HPRINT, 0, 0, 0, lower.globalIndex.get(g));
        }
    }

    /** Where a function's name is written: stap names it in MAXNESTING errors ("function NAME", one space assumed). */
    private static org.stapvm.lang.ast.SourcePos namePos(org.stapvm.lang.ast.Declaration.Function f) {
        int skip = (f.isPrivate() ? "private ".length() : 0) + "function ".length();
        return new org.stapvm.lang.ast.SourcePos(f.pos().file(), f.pos().line(), f.pos().column() + skip);
    }

    /** A call; returns the result register (int or string by {@code wantString}). */
    private int call(Expression.Call c, boolean wantString) {
        Callee callee = unit.callee(c);
        if (callee instanceof Callee.Script s) {
            Unit f = s.function();
            List<Type> types = new ArrayList<>();
            for (Variable p : f.params()) {
                types.add(isString(lower.type(p)) ? Type.STRING : Type.LONG);
            }
            int[] w = window(c.args(), types);
            int fi = lower.functionIndex.get(f);
            at("identifier '" + f.name() + "' at " + namePos(f.function()));
            if (isString(lower.program.returnTypes().get(f))) {
                int r = tmpS();
                emit(Opcode.CALLS, r, w[0], w[1], fi);
                return r;
            }
            int r = tmpI();
            emit(Opcode.CALL, r, w[0], w[1], fi);
            return r;
        }
        Builtins.Builtin b = ((Callee.Native) callee).builtin();
        switch (b.name()) {
            case "print", "println" -> {
                // each argument is printed on its own: only it (not the line) is bounded by MAXSTRINGLEN
                for (Expression a : c.args()) {
                    if (isHistogram(a)) {
                        histogram(a, c);
                    } else {
                        helper(Opcode.Helper.PRINT, tmpI(), 0, 0, se(a), 1, false);
                    }
                }
                if (b.name().endsWith("ln")) {
                    int nl = tmpS();
                    emit(Opcode.LDS, nl, 0, 0, lower.string("\n"));
                    helper(Opcode.Helper.PRINT, tmpI(), 0, 0, nl, 1, false);
                }
                return 0;
            }
            case "sprint", "sprintln" -> {
                int acc = tmpS();
                emit(Opcode.LDS, acc, 0, 0, lower.string(""));
                for (Expression a : c.args()) {
                    int v = se(a);
                    emit(Opcode.CONCAT, acc, acc, v, 0);
                }
                if (b.name().endsWith("ln")) {
                    int nl = tmpS();
                    emit(Opcode.LDS, nl, 0, 0, lower.string("\n"));
                    emit(Opcode.CONCAT, acc, acc, nl, 0);
                }
                return acc;
            }
            case "printd", "printdln", "sprintd", "sprintdln" -> {
                int delim = se(c.args().get(0));
                int acc = tmpS();
                emit(Opcode.LDS, acc, 0, 0, lower.string(""));
                for (int i = 1; i < c.args().size(); i++) {
                    if (i > 1) {
                        emit(Opcode.CONCAT, acc, acc, delim, 0);
                    }
                    emit(Opcode.CONCAT, acc, acc, se(c.args().get(i)), 0);
                }
                if (b.name().endsWith("ln")) {
                    int nl = tmpS();
                    emit(Opcode.LDS, nl, 0, 0, lower.string("\n"));
                    emit(Opcode.CONCAT, acc, acc, nl, 0);
                }
                if (b.name().startsWith("s")) {
                    return acc;
                }
                helper(Opcode.Helper.PRINT, tmpI(), 0, 0, acc, 1, false);
                return 0;
            }
            case "log" -> {
                helper(Opcode.Helper.PRINTLN, tmpI(), 0, 0, se(c.args().get(0)), 1, false);
                return 0;
            }
            case "printf", "sprintf" -> {
                int[] w = window(c.args(), argTypes(c.args()));
                boolean str = b.name().equals("sprintf");
                int r = str ? tmpS() : tmpI();
                helper(str ? Opcode.Helper.SPRINTF : Opcode.Helper.PRINTF, r, w[0], w[2], w[1], w[3], str);
                return r;
            }
            case "exit" -> {
                emit(Opcode.EXIT, 0, 0, 0, 0);
                return 0;
            }
            case "error" -> {
                emit(Opcode.THROW, se(c.args().get(0)), 0, 0, 0);
                return 0;
            }
            default -> {
                Opcode.Helper h = null;
                for (Opcode.Helper x : Opcode.Helper.values()) {
                    if (x.mnemonic.equals(b.name()) && x.implemented) {
                        h = x;
                    }
                }
                if (h == null) {
                    throw new LowerException("function " + b.name() + "() is not supported by the runtime yet at " + c.pos());
                }
                int[] w = window(c.args(), argTypes(c.args()));
                boolean str = h.ret.equals("STR");
                int r = str ? tmpS() : tmpI();
                // a helper's runtime error (copy fault, bad arg) names the call as stap names the tapset
                // function, or the target expression ($file->f_pos) the call is part of
                at(targetNear != null ? targetNear : "identifier '" + b.name() + "' at " + c.pos());
                helper(h, r, w[0], w[2], w[1], w[3], str);
                return r;
            }
        }
    }
}
