package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.CheckOperands;
import org.stapvm.compiler.sema.Describe;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.StatOp;
import org.stapvm.lang.ast.UnaryOp;

/**
 * Expressions of one body to registers: {@link #ie} leaves an int value in a register, {@link #se}
 * a string; a local's value is its own register, anything else a temporary. Calls go to
 * {@link CallLowering}.
 */
final class ExpressionLowering {
    private final Body body;
    private final Emitter code;
    private final CallLowering calls;

    ExpressionLowering(Body body) {
        this.body = body;
        this.code = body.code;
        this.calls = new CallLowering(body, this);
    }

    /** Evaluates for effect only (void calls, assignments...). */
    void effect(Expression expression) {
        Expression e = body.program.elided().effective(body.unit, expression);   // an elided x = v is x, or v with effects
        if (e instanceof Expression.IncDec d && !CheckOperands.isLvalue(body.unit, d.operand())) {
            return; // nothing to store: stap elides the statement as side-effect free
        }
        Type t = body.typeOf(e);
        if (e instanceof Expression.Call c) {
            calls.call(c);
        } else if (isString(t)) {
            se(e);
        } else {
            ie(e);
        }
    }

    /** A condition's truth value in an int register (a string is true when not empty). */
    int cond(Expression e) {
        if (e instanceof Expression.Call c && body.typeOf(e) == null) {
            calls.call(c); // a call that returns nothing, as stap takes it in `n && exit()`: false
            return loadInt(0);
        }
        if (isString(body.typeOf(e))) {
            int r = code.tmpI();
            int empty = code.tmpS();
            code.emit(Opcode.LDS, empty, 0, 0, body.tables.string(""));
            code.emit(Opcode.SNE, r, se(e), empty, 0);
            return r;
        }
        return ie(e);
    }

    int loadInt(long v) {
        int r = code.tmpI();
        if (v == (int) v) {
            code.emit(Opcode.LDI, r, 0, 0, (int) v);
        } else {
            code.emit(Opcode.LDK, r, 0, 0, body.tables.constant(v));
        }
        return r;
    }

    /** Lowers a target's meaning with runtime errors placed at the target, as stap places its fault errors. */
    private int inTarget(Expression.Target t, java.util.function.IntSupplier lowering) {
        String outer = body.targetNear;
        if (outer == null) {
            String name = t.base() instanceof org.stapvm.lang.ast.TargetBase.Variable v ? "identifier '" + v.name() + "'"
                    : t.base() instanceof org.stapvm.lang.ast.TargetBase.Cast ? "operator '@cast'" : "operator '->'";
            body.targetNear = name + " at " + t.pos();
        }
        try {
            return lowering.getAsInt();
        } finally {
            body.targetNear = outer;
        }
    }

    /** The value of an int expression in a register (a variable's own register for a local). */
    int ie(Expression expression) {
        Expression e = body.program.elided().effective(body.unit, expression);   // an elided x = v is x, or v with effects
        if (e instanceof Expression.Target t) {
            return inTarget(t, () -> ie(body.unit.target(t))); // $syscall, $param: the expression they stand for
        }
        Long k = constant(e);
        if (k != null) {
            return loadInt(k);
        }
        int read = read(e, false);
        if (read >= 0) {
            return read;
        }
        if (e instanceof Expression.Call c) {
            return calls.call(c);
        }
        if (e instanceof Expression.Unary u) {
            int v = u.op() == UnaryOp.NOT && u.operand() instanceof Expression.Call ? cond(u.operand()) : ie(u.operand());
            int r = code.tmpI();
            switch (u.op()) {
                case PLUS -> code.emit(Opcode.MOV, r, v, 0, 0);
                case NEG -> code.emit(Opcode.NEG, r, v, 0, 0);
                case NOT -> code.emit(Opcode.LNOT, r, v, 0, 0);
                case BIT_NOT -> code.emit(Opcode.BNOT, r, v, 0, 0);
            }
            return r;
        }
        if (e instanceof Expression.Binary b) {
            return binary(b);
        }
        if (e instanceof Expression.Ternary t) {
            return ternary(t, false);
        }
        if (e instanceof Expression.Assign a) {
            return assignInt(a);
        }
        if (e instanceof Expression.IncDec d) {
            if (!CheckOperands.isLvalue(body.unit, d.operand())) {
                // stap raises it twice (its report counts one as suppressed)
                for (int i = 0; i < 2; i++) {
                    body.error("invalid lvalue type", Describe.token(d.operand()), d.operand().pos());
                }
                return loadInt(0);
            }
            int old = code.tmpI();
            code.emit(Opcode.MOV, old, ie(d.operand()), 0, 0);
            int nw = code.tmpI();
            code.emit(Opcode.ADDI, nw, old, 0, d.increment() ? 1 : -1);
            store(d.operand(), nw, false);
            return d.prefix() ? nw : old;
        }
        if (e instanceof Expression.InArray in) {
            Variable g = body.unit.variable(in.array());
            if (g == null) {
                g = body.unit.variable(in);
            }
            if (SliceLowering.isSlice(in.keys())) {
                return new SliceLowering(body, this).in(g, in.keys());
            }
            int[] w = keys(g, in.keys());
            int r = code.tmpI();
            code.emit(Opcode.AEXISTS, r, w[0], w[1], body.global(g));
            return r;
        }
        if (e instanceof Expression.RegexMatch m) {
            int r = code.tmpI();
            code.emit(Opcode.REMATCH, r, se(m.subject()), 0, body.tables.regex(m.pattern()));
            if (m.negated()) {
                code.emit(Opcode.LNOT, r, r, 0, 0);
            }
            return r;
        }
        if (e instanceof Expression.Stat st) {
            return stat(st);
        }
        if (e instanceof Expression.HistBucket hb) {
            return new HistogramLowering(body, this).bucket(hb);
        }
        throw new LowerException("not supported yet: " + e.getClass().getSimpleName(), Describe.token(e), e.pos());
    }

    /**
     * A variable, array element or @entry value in a register of its file (a local's own register),
     * or -1 when {@code e} is none of these.
     */
    private int read(Expression e, boolean string) {
        if (e instanceof Expression.Symbol) {
            Variable v = body.unit.variable(e);
            if (v.scope() != Variable.Scope.GLOBAL) {
                return body.register(v);
            }
            int r = string ? code.tmpS() : code.tmpI();
            code.emit(string ? Opcode.GGETS : Opcode.GGET, r, 0, 0, body.global(v));
            return r;
        }
        if (e instanceof Expression.Entry en) {
            if (body.entrySlots.isNested(en)) {
                // only the entry program lowers another @entry's operand: at entry, @entry(x) is x
                // (@entry($file) in a kernel .return, where $file already stands for its entry value)
                return string ? se(en.operand()) : ie(en.operand());
            }
            int r = string ? code.tmpS() : code.tmpI();
            code.emit(string ? Opcode.ELDS : Opcode.ELD, r, 0, 0, body.entrySlots.offset(en));
            return r;
        }
        if (e instanceof Expression.ArrayElement a) {
            Variable g = body.unit.variable(a);
            int[] w = keys(g, a.keys());
            int r = string ? code.tmpS() : code.tmpI();
            code.emit(string ? Opcode.AGETS : Opcode.AGET, r, w[0], w[1], body.global(g));
            return r;
        }
        return -1;
    }

    /** @count/@sum/@min/@max/@avg/@variance: SAGG/AAGG fill six registers, the operator picks one. */
    private int stat(Expression.Stat st) {
        int w = code.reserveI(6);
        Expression operand = st.operand();
        if (operand instanceof Expression.ArrayElement a) {
            Variable g = body.unit.variable(a);
            int[] kw = keys(g, a.keys());
            code.emit(Opcode.AAGG, w, kw[0], kw[1], body.global(g));
        } else {
            code.emit(Opcode.SAGG, w, 0, 0, body.global(body.unit.variable(operand)));
        }
        if (st.op() != StatOp.COUNT && st.op() != StatOp.SUM) {
            // stap: no value has nothing to take the min, max, average or variance of
            Emitter.Label ok = code.label();
            code.jump(Opcode.JNZ, w, 0, 0, ok);
            int m = code.tmpS();
            code.emit(Opcode.LDS, m, 0, 0, body.tables.string("empty aggregate"));
            code.at("operator '" + st.op().text + "' at " + st.pos());
            code.emit(Opcode.THROW, m, 0, 0, 0);
            code.place(ok);
        }
        return w + st.op().ordinal();
    }

    /** The value of a string expression in a string register. */
    int se(Expression expression) {
        Expression e = body.program.elided().effective(body.unit, expression);   // an elided x = v is x, or v with effects
        if (e instanceof Expression.Target t) {
            return inTarget(t, () -> se(body.unit.target(t)));
        }
        String k = Optimize.stringConstant(e);
        if (k != null) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(k));
            return r;
        }
        if (!isString(body.typeOf(e))) {
            int r = code.tmpS();
            code.emit(Opcode.I2S, r, ie(e), 0, 0);
            return r;
        }
        int read = read(e, true);
        if (read >= 0) {
            return read;
        }
        if (e instanceof Expression.Call c) {
            return calls.call(c);
        }
        if (e instanceof Expression.Binary b && b.op() == BinaryOp.CONCAT) {
            int l = se(b.left());
            int r = se(b.right());
            int d = code.tmpS();
            code.emit(Opcode.CONCAT, d, l, r, 0);
            return d;
        }
        if (e instanceof Expression.Ternary t) {
            return ternary(t, true);
        }
        if (e instanceof Expression.Assign a && body.unit != null && body.unit.procfsRead()
                && a.target() instanceof Expression.Target) {
            // $value = s / $value .= s in a procfs read probe: what the reader gets, set or appended to
            int d = code.tmpS();
            code.helper(a.op() == AssignOp.CONCAT ? Opcode.Helper._PROCFS_APPEND : Opcode.Helper._PROCFS_SET,
                    d, 0, 0, se(a.value()), 1, true);
            return d;
        }
        if (e instanceof Expression.Assign a) {
            int v;
            if (a.op() == AssignOp.CONCAT) {
                int l = se(a.target());
                int r = se(a.value());
                v = code.tmpS();
                code.emit(Opcode.CONCAT, v, l, r, 0);
            } else {
                v = se(a.value());
            }
            store(a.target(), v, true);
            return v;
        }
        throw new LowerException("not supported yet: string " + e.getClass().getSimpleName(), Describe.token(e), e.pos());
    }

    private int value(Expression e, boolean string) {
        return string ? se(e) : ie(e);
    }

    /** A compile-time constant: Optimize's, or what @defined folds to in this body. */
    Long constant(Expression e) {
        Long k = body.unit == null ? null : body.unit.definedConstant(e);
        return k != null ? k : Optimize.constant(e);
    }

    private int ternary(Expression.Ternary t, boolean string) {
        Long k = body.unit == null ? null : body.unit.definedConstant(t.condition());
        if (k != null) {
            return value(k != 0 ? t.ifTrue() : t.ifFalse(), string); // the other branch may not resolve
        }
        int r = string ? code.tmpS() : code.tmpI();
        Opcode move = string ? Opcode.MOVS : Opcode.MOV;
        Emitter.Label otherwise = code.label(), end = code.label();
        code.jump(Opcode.JZ, cond(t.condition()), 0, 0, otherwise);
        code.emit(move, r, value(t.ifTrue(), string), 0, 0);
        code.jump(end);
        code.place(otherwise);
        code.emit(move, r, value(t.ifFalse(), string), 0, 0);
        code.place(end);
        return r;
    }

    private int binary(Expression.Binary b) {
        if (b.op() == BinaryOp.AND || b.op() == BinaryOp.OR) {
            int r = code.tmpI();
            int l = cond(b.left());
            code.emit(Opcode.MOV, r, l, 0, 0);
            Emitter.Label decided = code.label();
            code.jump(b.op() == BinaryOp.AND ? Opcode.JZ : Opcode.JNZ, r, 0, 0, decided);
            code.emit(Opcode.MOV, r, cond(b.right()), 0, 0);
            code.place(decided);
            int n = code.tmpI();
            code.emit(Opcode.LNOT, n, r, 0, 0);
            code.emit(Opcode.LNOT, r, n, 0, 0);
            return r;
        }
        boolean strings = isString(body.typeOf(b.left())) || isString(body.typeOf(b.right()));
        if (strings) {
            String kl = Optimize.rawStringConstant(b.left()), kr = kl == null ? null : Optimize.rawStringConstant(b.right());
            if (kr != null) {
                int c = kl.compareTo(kr);
                boolean v = switch (b.op()) {
                    case EQ -> c == 0;
                    case NE -> c != 0;
                    case LT -> c < 0;
                    case LE -> c <= 0;
                    case GT -> c > 0;
                    case GE -> c >= 0;
                    default -> throw new LowerException("string operator " + b.op().text, Describe.token(b), b.pos());
                };
                return loadInt(v ? 1 : 0);   // folded as stap folds it: on the source text (Optimize.rawStringConstant)
            }
            int l = se(b.left());
            int r = se(b.right());
            int d = code.tmpI();
            Opcode op = switch (b.op()) {
                case EQ -> Opcode.SEQ;
                case NE -> Opcode.SNE;
                case LT -> Opcode.SLT;
                case LE -> Opcode.SLE;
                case GT -> Opcode.SGT;
                case GE -> Opcode.SGE;
                default -> throw new LowerException("string operator " + b.op().text, Describe.token(b), b.pos());
            };
            code.emit(op, d, l, r, 0);
            return d;
        }
        int l = ie(b.left());
        int r = ie(b.right());
        int d = code.tmpI();
        arith(b.op(), d, l, r, b.pos(), "operator '" + b.op().text + "' at " + b.pos());
        return d;
    }

    /** {@code where}: the token a division by zero is reported near ("operator '/' at F:L:C"). */
    private void arith(BinaryOp op, int d, int l, int r, SourcePos pos, String where) {
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
            default -> throw new LowerException("operator " + op.text, "operator '" + op.text + "'", pos);
        };
        if (o == Opcode.DIV || o == Opcode.MOD) {
            code.at(where);
        }
        code.emit(o, d, l, r, 0);
    }

    private int assignInt(Expression.Assign a) {
        if (a.op() == AssignOp.STAT_ADD) {
            int v = ie(a.value());
            if (a.target() instanceof Expression.ArrayElement el) {
                Variable g = body.unit.variable(el);
                int[] w = keys(g, el.keys());
                code.at("identifier '" + el.array() + "' at " + el.pos());
                code.emit(Opcode.AADD, v, w[0], w[1], body.global(g));
            } else {
                code.emit(Opcode.SADD, v, 0, 0, body.global(body.unit.variable(a.target())));
            }
            return v;
        }
        int v;
        if (a.op() == AssignOp.ASSIGN) {
            v = ie(a.value());
        } else {
            int l = ie(a.target());
            int r = ie(a.value());
            v = code.tmpI();
            // stap reports x /= 0 near the right operand's token, not the operator
            arith(a.op().binary, v, l, r, a.pos(), Describe.token(a.value()) + " at " + a.value().pos());
        }
        store(a.target(), v, false);
        return v;
    }

    /** Stores register {@code v} (a string register when {@code string}) into the variable or array element {@code target}. */
    private void store(Expression target, int v, boolean string) {
        if (target instanceof Expression.ArrayElement a) {
            Variable g = body.unit.variable(a);
            int[] w = keys(g, a.keys());
            code.at("identifier '" + a.array() + "' at " + a.pos());
            code.emit(string ? Opcode.ASETS : Opcode.ASET, v, w[0], w[1], body.global(g));
            return;
        }
        Variable var = body.unit.variable(target);
        if (var.scope() == Variable.Scope.GLOBAL) {
            code.emit(string ? Opcode.GSETS : Opcode.GSET, v, 0, 0, body.global(var));
        } else if (body.register(var) != v) {
            code.emit(string ? Opcode.MOVS : Opcode.MOV, body.register(var), v, 0, 0);
        }
    }

    /** Evaluates array keys into a fresh window: {int window start, string window start}. */
    int[] keys(Variable array, List<Expression> keys) {
        return window(keys, body.program.keyTypes().get(array));
    }

    /**
     * Evaluates {@code args} into fresh consecutive windows, ints and strings apart, as CALL,
     * HCALL and the array instructions take them: {int start, string start, int count, string count}
     * (a start is 0 when its window is empty).
     */
    int[] window(List<Expression> args, List<Type> types) {
        int ns = stringCount(types);
        int ni = types.size() - ns;
        int wi = code.reserveI(ni);
        int ws = code.reserveS(ns);
        int ii = 0, ss = 0;
        for (int i = 0; i < args.size(); i++) {
            if (isString(types.get(i))) {
                int r = se(args.get(i));
                if (r != ws + ss) {
                    code.emit(Opcode.MOVS, ws + ss, r, 0, 0);
                }
                ss++;
            } else {
                int r = ie(args.get(i));
                if (r != wi + ii) {
                    code.emit(Opcode.MOV, wi + ii, r, 0, 0);
                }
                ii++;
            }
        }
        return new int[] {ni == 0 ? 0 : wi, ns == 0 ? 0 : ws, ni, ns};
    }

    /** How many of {@code types} go to the string register file. */
    static int stringCount(List<Type> types) {
        return (int) types.stream().filter(Body::isString).count();
    }

    /** Each argument's register file: string for strings, int for everything else. */
    List<Type> argTypes(List<Expression> args) {
        List<Type> t = new ArrayList<>();
        for (Expression a : args) {
            t.add(isString(body.typeOf(a)) ? Type.STRING : Type.LONG);
        }
        return t;
    }
}
