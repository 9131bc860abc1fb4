package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.Describe;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ForeachKey;
import org.stapvm.lang.ast.SortOrder;
import org.stapvm.lang.ast.StatOp;
import org.stapvm.lang.ast.Statement;

/**
 * Statements of one body: blocks (code after return/next/break/continue dropped), if (a constant
 * condition keeps one branch), while/for/foreach loops with their break and continue labels,
 * try/catch, delete, return and next. Each statement frees the temporaries it used.
 */
final class StatementLowering {
    /** ITINIT sort columns SORT_SUM.. order a statistic array by @sum @min @max @avg (bytecode.h SVM_SORT_SUM). */
    private static final int SORT_SUM = 10;

    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;
    private final SliceLowering slices;
    private final ActionCharges actions;
    private final Deque<Loop> loops = new ArrayDeque<>();
    private int tries;

    /** An enclosing loop: where break and continue go, and the try depth and iterator they leave. */
    private final class Loop {
        final int tryDepth = tries;
        final Emitter.Label breakTo;
        final Emitter.Label continueTo;
        final Integer iterator;

        Loop(Emitter.Label breakTo, Emitter.Label continueTo, Integer iterator) {
            this.breakTo = breakTo;
            this.continueTo = continueTo;
            this.iterator = iterator;
        }
    }

    StatementLowering(Body body, ExpressionLowering exprs) {
        this.body = body;
        this.code = body.code;
        this.exprs = exprs;
        this.slices = new SliceLowering(body, exprs);
        this.actions = body.actions;
    }

    /** A whole probe or function body: its statements, then stap's flush of what they counted. */
    void body(Statement.Block b) {
        statement(b);
        actions.record(0, Describe.statement(b), true);
    }

    /** The end of a branch or loop body: stap spends what it counted there. */
    private void endOf(Statement s) {
        actions.record(0, kept(s), true);
    }

    /** What stap names for statement {@code s}: a block the optimizer left one statement stands for that statement. */
    private String kept(Statement s) {
        if (s instanceof Statement.Block b) {
            List<Statement> left = b.statements().stream()
                    .filter(x -> !(x instanceof Statement.ExprStmt e && body.program.elided().removed(body.unit, e))).toList();
            if (left.size() == 1 && left.size() < b.statements().size()) {
                return kept(left.get(0));
            }
        }
        return Describe.statement(s);
    }

    void statement(Statement s) {
        Emitter.Mark mark = code.mark();
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
            if (body.program.elided().removed(body.unit, e)) {
                return;   // stap's optimizer removed it: no code, no action charged
            }
            exprs.effect(e.expression());
            actions.record(1, Describe.statement(s), false);
        } else if (s instanceof Statement.If i) {
            ifElse(i, mark);
        } else if (s instanceof Statement.While w) {
            loop(s, w.condition(), null, w.body());
        } else if (s instanceof Statement.For f) {
            if (f.init() != null) {
                exprs.effect(f.init());
                code.release(mark);
                actions.record(1, Describe.first(f.init(), f.init().pos()), false);
            }
            loop(s, f.condition(), f.step(), f.body());
        } else if (s instanceof Statement.Foreach f) {
            foreach(f);
        } else if (s instanceof Statement.Break || s instanceof Statement.Continue) {
            boolean isBreak = s instanceof Statement.Break;
            Loop loop = loops.peek();
            if (loop == null) {
                body.error("cannot '" + (isBreak ? "break" : "continue") + "' outside loop", "keyword", s.pos());
            } else {
                actions.record(1, Describe.statement(s), true);
                leaveTries(loop);
                code.jump(isBreak ? loop.breakTo : loop.continueTo);
            }
        } else if (s instanceof Statement.Try t) {
            tryCatch(t);
        } else if (s instanceof Statement.Next) {
            actions.record(1, Describe.statement(s), true);
            endIterators();
            // in a function, next returns to the caller, which tries the next overload
            code.emit(body.unit.isFunction() ? Opcode.NEXTF : Opcode.RETV, 0, 0, 0, 0);
        } else if (s instanceof Statement.Return r) {
            if (r.value() == null) {
                returnWith(s, Opcode.RETV, 0);
            } else if (isString(body.program.returnTypes().get(body.unit))) {
                returnWith(s, Opcode.RETS, exprs.se(r.value()));
            } else {
                returnWith(s, Opcode.RET, exprs.ie(r.value()));
            }
        } else if (s instanceof Statement.Delete d) {
            delete(d.target());
            actions.record(1, Describe.statement(s), false);
        } else {
            throw new LowerException("not supported yet: " + s.getClass().getSimpleName(), Describe.statement(s), s.pos());
        }
        code.release(mark);
    }

    /** return: the value is computed, the statement charged, then the enclosing foreach iterators end. */
    private void returnWith(Statement s, Opcode ret, int value) {
        actions.record(1, Describe.statement(s), true);
        endIterators();
        code.emit(ret, value, 0, 0, 0);
    }

    private void ifElse(Statement.If i, Emitter.Mark mark) {
        Long k = exprs.constant(i.condition());
        if (k != null) { // stap folds a constant condition away in pass 2: no if statement is charged
            if (k != 0) {
                statement(i.then());
            } else if (i.otherwise() != null) {
                statement(i.otherwise());
            }
            return;
        }
        actions.record(1, Describe.statement(i), true);
        int c = exprs.cond(i.condition());
        Emitter.Label otherwise = code.label();
        code.jump(Opcode.JZ, c, 0, 0, otherwise);
        code.release(mark);
        statement(i.then());
        endOf(i.then());
        if (i.otherwise() != null) {
            Emitter.Label end = code.label();
            code.jump(end);
            code.place(otherwise);
            statement(i.otherwise());
            endOf(i.otherwise());
            code.place(end);
        } else {
            code.place(otherwise);
        }
    }

    /** try { body } catch (msg) { handler }: TRY points at the handler, ENDTRY closes the body. */
    private void tryCatch(Statement.Try t) {
        Variable cv = body.unit.catchVar(t);
        int msg = cv != null && body.hasRegister(cv) ? body.register(cv) : code.tmpS();
        Emitter.Label handler = code.label(), end = code.label();
        actions.record(0, Describe.statement(t), true);
        code.jump(Opcode.TRY, msg, 0, 0, handler);
        tries++;
        statement(t.body());
        endOf(t.body());
        tries--;
        code.emit(Opcode.ENDTRY, 0, 0, 0, 0);
        code.jump(end);
        code.place(handler);
        actions.record(1, Describe.statement(t), true); // stap charges the catch itself
        statement(t.handler());
        endOf(t.handler());
        code.place(end);
    }

    /** A break or continue leaving try blocks opened inside its loop pops their handlers. */
    private void leaveTries(Loop l) {
        for (int i = l.tryDepth; i < tries; i++) {
            code.emit(Opcode.ENDTRY, 0, 0, 0, 0);
        }
    }

    /** return and next leave every enclosing foreach: their iterators end first. */
    private void endIterators() {
        for (Loop l : loops) {
            if (l.iterator != null) {
                code.emit(Opcode.ITEND, l.iterator, 0, 0, 0);
            }
        }
    }

    /**
     * while and for: the condition at the top, the step where continue goes, then the jump back.
     * stap charges one action for the loop, one per test at the top (spent with the body's), and
     * the step's action after the loop.
     */
    private void loop(Statement s, Expression condition, Expression step, Statement loopBody) {
        Emitter.Mark mark = code.mark();
        actions.record(1, Describe.statement(s), true);
        Emitter.Label top = code.here();
        actions.record(1, Describe.statement(s), false);
        Emitter.Label exit = code.label();
        Emitter.Label next = code.label();
        if (condition != null) {
            Long k = Optimize.constant(condition);
            if (k == null || k == 0) {
                code.jump(Opcode.JZ, exprs.cond(condition), 0, 0, exit);
            }
            code.release(mark);
        }
        loops.push(new Loop(exit, next, null));
        statement(loopBody);
        endOf(loopBody);
        loops.pop();
        code.place(next);
        if (step != null) {
            exprs.effect(step);
            code.release(mark);
            actions.record(1, Describe.first(step, step.pos()), false);
        }
        backTo(top, loopBody);
        code.place(exit);
    }

    private void foreach(Statement.Foreach f) {
        if (f.array() instanceof Expression.HistLinear || f.array() instanceof Expression.HistLog) {
            foreachBucket(f);
            return;
        }
        Variable array = body.unit.variable(f.array());
        if (array == null && f.array() instanceof Expression.Symbol) {
            throw new LowerException("foreach over an unresolved array", Describe.statement(f), f.pos());
        }
        int gi = body.global(array);
        List<Type> keyTypes = body.program.keyTypes().get(array);
        int limit = foreachLimit(f);
        int[] given = f.slice() != null ? slices.given(f.slice()) : null;
        int it = code.iterator();
        code.emit(Opcode.ITINIT, it, limit, sortSpec(f), gi);
        int ns = ExpressionLowering.stringCount(keyTypes);
        int ni = keyTypes.size() - ns;
        int ki = code.reserveI(ni);
        int ks = code.reserveS(ns);
        Emitter.Mark mark = code.mark();
        actions.record(1, Describe.statement(f), true);
        Emitter.Label top = code.here();
        actions.record(1, Describe.statement(f), false);
        Emitter.Label exit = code.label();
        code.jump(Opcode.ITNEXT, it, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, exit);
        if (given != null) {
            slices.unlessMatching(given, keyTypes, ki, ks, top);
        }
        int ii = 0, ss = 0;
        for (int i = 0; i < f.keys().size(); i++) {
            ForeachKey k = f.keys().get(i);
            Variable v = body.unit.foreachKey(k);
            boolean str = isString(keyTypes.get(i));
            int src = str ? ks + ss++ : ki + ii++;
            if (v != null && body.hasRegister(v)) {
                code.emit(str ? Opcode.MOVS : Opcode.MOV, body.register(v), src, 0, 0);
            }
        }
        Variable value = body.unit.foreachValue(f);
        if (value != null && body.hasRegister(value)) {
            Opcode get = isString(body.type(array)) ? Opcode.AGETS : Opcode.AGET;
            code.emit(get, body.register(value), ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
        }
        loops.push(new Loop(exit, top, it));
        statement(f.body());
        endOf(f.body());
        loops.pop();
        code.release(mark);
        backTo(top, f.body());
        code.place(exit);
        code.emit(Opcode.ITEND, it, 0, 0, 0);
    }

    /**
     * foreach (b in @hist_...(s)): b runs over every bucket number, as stap's C for loop does (the
     * key variable is the loop counter itself); one action for the loop, one per bucket.
     */
    private void foreachBucket(Statement.Foreach f) {
        HistogramLowering hist = new HistogramLowering(body, exprs);
        HistogramLowering.Source source = hist.source(f.array());
        int limit = -1, walked = -1;
        if (f.limit() != null) {
            limit = code.tmpI();
            code.emit(Opcode.MOV, limit, exprs.ie(f.limit()), 0, 0);
            walked = code.tmpI();
            code.emit(Opcode.LDI, walked, 0, 0, 0);
        }
        Variable key = body.unit.foreachKey(f.keys().get(0));
        int b = key != null && body.hasRegister(key) ? body.register(key) : code.tmpI();
        int count = code.tmpI(), more = code.tmpI();
        code.emit(Opcode.LDI, count, 0, 0, hist.buckets(f.array()));
        code.emit(Opcode.LDI, b, 0, 0, 0);
        actions.record(1, Describe.statement(f), true);
        Emitter.Mark mark = code.mark();
        Emitter.Label top = code.here(), next = code.label(), exit = code.label();
        code.emit(Opcode.LT, more, b, count, 0);
        code.jump(Opcode.JZ, more, 0, 0, exit);
        if (limit >= 0) {
            int done = code.tmpI();
            code.emit(Opcode.GE, done, walked, limit, 0);
            code.jump(Opcode.JNZ, done, 0, 0, exit);
            code.emit(Opcode.ADDI, walked, walked, 0, 1);
        }
        Variable value = body.unit.foreachValue(f);
        if (value != null && body.hasRegister(value)) {
            hist.count(source, body.register(value), b);
        }
        code.release(mark);
        loops.push(new Loop(exit, next, null));
        statement(f.body());
        actions.record(1, Describe.statement(f.body()), true);
        loops.pop();
        code.place(next);
        code.emit(Opcode.ADDI, b, b, 0, 1);
        backTo(top, f.body());
        code.place(exit);
    }

    /** ITINIT's sort operand: order (1 ascending, 2 descending) | column << 2 (0 the value, i+1 key i). */
    private static int sortSpec(Statement.Foreach f) {
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
        return sort;
    }

    /** ITINIT's limit register: 0 is no limit, negative is none at all (limit <= 0 in the script). */
    private int foreachLimit(Statement.Foreach f) {
        int limit = code.tmpI();
        Long fixedLimit = f.limit() == null ? null : Optimize.constant(f.limit());
        if (f.limit() == null) {
            code.emit(Opcode.LDI, limit, 0, 0, 0);
        } else if (fixedLimit != null) {
            code.emit(Opcode.LDI, limit, 0, 0, fixedLimit <= 0 ? -1 : (int) Math.min(fixedLimit, Integer.MAX_VALUE));
        } else {
            code.emit(Opcode.MOV, limit, exprs.ie(f.limit()), 0, 0);
            int zero = code.tmpI(), le = code.tmpI();
            code.emit(Opcode.LDI, zero, 0, 0, 0);
            code.emit(Opcode.LE, le, limit, zero, 0);
            Emitter.Label positive = code.label();
            code.jump(Opcode.JZ, le, 0, 0, positive);
            code.emit(Opcode.LDI, limit, 0, 0, -1);
            code.place(positive);
        }
        return limit;
    }

    /** A loop's backward jump (it spends the jump budget, whose end is reported at the loop body). */
    private void backTo(Emitter.Label top, Statement loopBody) {
        code.at(kept(loopBody));
        code.jump(top);
    }

    private void delete(Expression target) {
        if (target instanceof Expression.ArrayElement a) {
            Variable g = body.unit.variable(a);
            if (SliceLowering.isSlice(a.keys())) {
                slices.delete(g, a.keys());
                return;
            }
            int[] w = exprs.keys(g, a.keys());
            code.emit(Opcode.ADEL, 0, w[0], w[1], body.global(g));
            return;
        }
        Variable v = body.unit.variable(target);
        if (v.scope() != Variable.Scope.GLOBAL) {
            if (isString(body.type(v))) {
                code.emit(Opcode.LDS, body.register(v), 0, 0, body.tables.string(""));
            } else {
                code.emit(Opcode.LDI, body.register(v), 0, 0, 0);
            }
            return;
        }
        Type t = body.type(v);
        int gi = body.global(v);
        if (!body.keyTypes(v).isEmpty() || t == Type.STATS) {
            code.emit(Opcode.ACLEAR, 0, 0, 0, gi);
        } else if (isString(t)) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(""));
            code.emit(Opcode.GSETS, r, 0, 0, gi);
        } else {
            int r = code.tmpI();
            code.emit(Opcode.LDI, r, 0, 0, 0);
            code.emit(Opcode.GSET, r, 0, 0, gi);
        }
    }
}
