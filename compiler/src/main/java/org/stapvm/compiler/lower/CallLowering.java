package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.Builtins;
import org.stapvm.compiler.sema.Callee;
import org.stapvm.compiler.sema.Describe;
import org.stapvm.compiler.sema.StatementCount;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.Statement;

/**
 * Calls of one body: script functions (CALL/CALLS with an argument window), the print family
 * built from PRINT/CONCAT, printf through its helper, exit/error, and every other builtin
 * through the helper of the same name.
 */
final class CallLowering {
    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;

    CallLowering(Body body, ExpressionLowering exprs) {
        this.body = body;
        this.code = body.code;
        this.exprs = exprs;
    }

    /** stap's print_format family: not function calls, so nothing is charged after them. */
    private static final Set<String> PRINT_FORMATS = Set.of("print", "println", "printf", "printd", "printdln",
            "sprint", "sprintln", "sprintf", "sprintd", "sprintdln");

    /** A call; returns the result register (int or string as the callee returns; 0 for void). */
    int call(Expression.Call c) {
        Callee callee = body.unit.callee(c);
        if (callee instanceof Callee.Script s) {
            return scriptCall(c, s);
        }
        Builtins.Builtin b = ((Callee.Native) callee).builtin();
        int r = nativeCall(c, b);
        if (!PRINT_FORMATS.contains(b.name())) {
            chargeAfter(c, 0); // stap's tapset functions are embedded C: no statements of their own
        }
        return r;
    }

    /**
     * stap spends the caller's counted actions after each call of a function whose statement count
     * is bounded, with that count added (the callee charges nothing itself); after an unbounded
     * function nothing is spent.
     */
    private void chargeAfter(Expression.Call c, long statements) {
        if (statements >= 0) {
            body.actions.record((int) Math.min(statements, Integer.MAX_VALUE),
                    "identifier '" + c.function() + "' at " + c.pos(), true);
        }
    }

    /** Prints int register {@code v} in decimal through printf("%d"), not cut to a string register. */
    private void printNumber(int v) {
        int wi = code.reserveI(1), ws = code.reserveS(1);
        code.emit(Opcode.MOV, wi, v, 0, 0);
        code.emit(Opcode.LDS, ws, 0, 0, body.tables.string("%d"));
        code.helper(Opcode.Helper.PRINTF, code.tmpI(), wi, 1, ws, 1, false);
    }

    private int nativeCall(Expression.Call c, Builtins.Builtin b) {
        switch (b.name()) {
            case "print", "println" -> {
                // each argument is printed on its own: only it (not the line) is bounded by MAXSTRINGLEN
                for (Expression a : c.args()) {
                    if (isHistogram(a)) {
                        histogram(a, c);
                    } else if (new FormatLowering(body, exprs).tooLong(Optimize.stringConstant(a))) {
                        new FormatLowering(body, exprs).printText(Optimize.stringConstant(a)); // a literal prints whole
                    } else if (!isString(body.typeOf(a)) && body.maxStringLen <= 20) {
                        printNumber(exprs.ie(a)); // stap prints a number whole (%lld), whatever MAXSTRINGLEN
                    } else {
                        code.helper(Opcode.Helper.PRINT, code.tmpI(), 0, 0, exprs.se(a), 1, false);
                    }
                }
                if (b.name().endsWith("ln")) {
                    code.helper(Opcode.Helper.PRINT, code.tmpI(), 0, 0, newline(), 1, false);
                }
                return 0;
            }
            case "sprint", "sprintln" -> {
                int acc = emptyString();
                for (Expression a : c.args()) {
                    int v = exprs.se(a);
                    code.emit(Opcode.CONCAT, acc, acc, v, 0);
                }
                if (b.name().endsWith("ln")) {
                    code.emit(Opcode.CONCAT, acc, acc, newline(), 0);
                }
                return acc;
            }
            case "printd", "printdln", "sprintd", "sprintdln" -> {
                int delim = exprs.se(c.args().get(0));
                int acc = emptyString();
                for (int i = 1; i < c.args().size(); i++) {
                    if (i > 1) {
                        code.emit(Opcode.CONCAT, acc, acc, delim, 0);
                    }
                    code.emit(Opcode.CONCAT, acc, acc, exprs.se(c.args().get(i)), 0);
                }
                if (b.name().endsWith("ln")) {
                    code.emit(Opcode.CONCAT, acc, acc, newline(), 0);
                }
                if (b.name().startsWith("s")) {
                    return acc;
                }
                code.helper(Opcode.Helper.PRINT, code.tmpI(), 0, 0, acc, 1, false);
                return 0;
            }
            case "log" -> {
                String literal = Optimize.stringConstant(c.args().get(0));
                if (new FormatLowering(body, exprs).tooLong(literal)) {
                    // unmodified-fnargs in stap's tapset: a literal message is printed whole, as print's
                    new FormatLowering(body, exprs).printText(literal);
                    code.helper(Opcode.Helper.PRINT, code.tmpI(), 0, 0, newline(), 1, false);
                } else {
                    code.helper(Opcode.Helper.PRINTLN, code.tmpI(), 0, 0, exprs.se(c.args().get(0)), 1, false);
                }
                return 0;
            }
            case "printf", "sprintf" -> {
                FormatLowering text = new FormatLowering(body, exprs);
                if (text.needsSplit(c)) {
                    return text.format(c, b.name().equals("sprintf"));
                }
                int[] w = exprs.window(c.args(), exprs.argTypes(c.args()));
                boolean str = b.name().equals("sprintf");
                int r = str ? code.tmpS() : code.tmpI();
                if (FormatLowering.readsMemory(c)) {
                    code.at("identifier '" + c.function() + "' at " + c.pos());   // %m's read fault names the call
                }
                code.helper(str ? Opcode.Helper.SPRINTF : Opcode.Helper.PRINTF, r, w[0], w[2], w[1], w[3], str);
                return r;
            }
            case "exit" -> {
                code.emit(Opcode.EXIT, 0, 0, 0, 0);
                return 0;
            }
            case "abort" -> {
                code.emit(Opcode.ABORT, 0, 0, 0, 0);
                return 0;
            }
            case "error" -> {
                code.emit(Opcode.THROW, exprs.se(c.args().get(0)), 0, 0, 0);
                return 0;
            }
            default -> {
                FormatLowering room = new FormatLowering(body, exprs);
                Long whole = WholeLiteralCalls.value(b.name(), c, room, exprs);
                if (whole != null) {
                    return exprs.loadInt(whole);
                }
                String text = WholeLiteralCalls.text(b.name(), c, room, exprs, body.maxStringLen);
                if (text != null) {
                    int r = code.tmpS();
                    code.emit(Opcode.LDS, r, 0, 0, body.tables.string(text));
                    return r;
                }
                return helperCall(c, b);
            }
        }
    }

    /**
     * A script function call: the arguments once, then each overload in turn while the one called
     * ends in 'next' (JNEXT); when the last one does too, stap's 'all functions exhausted'.
     */
    private int scriptCall(Expression.Call c, Callee.Script s) {
        Unit f = s.function();
        List<Type> types = new ArrayList<>();
        for (Variable p : f.params()) {
            types.add(isString(body.type(p)) ? Type.STRING : Type.LONG);
        }
        int[] w = exprs.window(c.args(), types);
        boolean str = isString(body.program.returnTypes().get(f));
        int r = str ? code.tmpS() : code.tmpI();
        Emitter.Label done = code.label();
        List<Unit> overloads = s.overloads();
        for (int i = 0; i < overloads.size(); i++) {
            Unit o = overloads.get(i);
            code.at("identifier '" + o.name() + "' at " + namePos(o.function()));
            code.emit(str ? Opcode.CALLS : Opcode.CALL, r, w[0], w[1], body.tables.function(o));
            chargeAfter(c, StatementCount.isLibrary(o, body.diags()) ? 0 : StatementCount.of(o, body.diags(), body.program.elided()));
            boolean last = i == overloads.size() - 1;
            if (last && !endsInNext(o.body())) {
                break;
            }
            Emitter.Label nextOne = code.label();
            code.jump(Opcode.JNEXT, 0, 0, 0, nextOne);
            code.jump(done);
            code.place(nextOne);
            if (last) {
                int m = code.tmpS();
                code.emit(Opcode.LDS, m, 0, 0, body.tables.string("all functions exhausted"));
                code.at("identifier '" + c.function() + "' at " + c.pos());
                code.emit(Opcode.THROW, m, 0, 0, 0);
            }
        }
        code.place(done);
        return r;
    }

    /** Whether a 'next' statement is anywhere in {@code s} (stap's has_next). */
    private static boolean endsInNext(Statement s) {
        if (s instanceof Statement.Next) {
            return true;
        } else if (s instanceof Statement.Block b) {
            return b.statements().stream().anyMatch(CallLowering::endsInNext);
        } else if (s instanceof Statement.If i) {
            return endsInNext(i.then()) || i.otherwise() != null && endsInNext(i.otherwise());
        } else if (s instanceof Statement.While w) {
            return endsInNext(w.body());
        } else if (s instanceof Statement.For f) {
            return endsInNext(f.body());
        } else if (s instanceof Statement.Foreach f) {
            return endsInNext(f.body());
        } else if (s instanceof Statement.Try t) {
            return endsInNext(t.body()) || endsInNext(t.handler());
        }
        return false;
    }

    /** A builtin the VM implements as the helper of the same name. */
    private int helperCall(Expression.Call c, Builtins.Builtin b) {
        Opcode.Helper h = null;
        for (Opcode.Helper x : Opcode.Helper.values()) {
            if (x.mnemonic.equals(b.name()) && x.implemented) {
                h = x;
            }
        }
        if (h == null) {
            throw new LowerException("function " + b.name() + "() is not supported by the runtime yet", Describe.token(c), c.pos());
        }
        if (h == Opcode.Helper.MATCHED || h == Opcode.Helper.NGROUPS) {
            body.tables.wantGroups();
        }
        if (h == Opcode.Helper.PN) {
            body.tables.wantProbeNames();
        }
        int[] w = exprs.window(c.args(), exprs.argTypes(c.args()));
        boolean str = h.ret.equals("STR");
        int r = str ? code.tmpS() : code.tmpI();
        // a helper's runtime error (copy fault, bad arg) names the call as stap names the tapset
        // function, or the target expression ($file->f_pos) the call is part of
        String origin = StapTapsetOrigins.near(b.name());
        code.at(body.targetNear != null ? body.targetNear : origin != null ? origin : "identifier '" + b.name() + "' at " + c.pos());
        code.helper(h, r, w[0], w[2], w[1], w[3], str);
        return r;
    }

    private int emptyString() {
        int r = code.tmpS();
        code.emit(Opcode.LDS, r, 0, 0, body.tables.string(""));
        return r;
    }

    private int newline() {
        int nl = code.tmpS();
        code.emit(Opcode.LDS, nl, 0, 0, body.tables.string("\n"));
        return nl;
    }

    private static boolean isHistogram(Expression e) {
        return e instanceof Expression.HistLinear || e instanceof Expression.HistLog;
    }

    /** Prints @hist_linear/@hist_log of a statistic (the global carries the histogram shape). */
    private void histogram(Expression h, Expression.Call c) {
        Expression operand = h instanceof Expression.HistLinear l ? l.operand() : ((Expression.HistLog) h).operand();
        Variable g = body.unit.variable(operand);
        String where = "identifier '" + c.function() + "' at " + c.pos();
        if (operand instanceof Expression.ArrayElement a) {
            int[] w = exprs.keys(g, a.keys());
            code.at(where);
            code.emit(Opcode.AHPRINT, 0, w[0], w[1], body.global(g));
        } else {
            code.at(where);
            code.emit(Opcode.HPRINT, 0, 0, 0, body.global(g));
        }
    }

    /** Where a function's name is written: stap names it in MAXNESTING errors ("function NAME", one space assumed). */
    static SourcePos namePos(Declaration.Function f) {
        int skip = (f.isPrivate() ? "private ".length() : 0) + "function ".length();
        return new SourcePos(f.pos().file(), f.pos().line(), f.pos().column() + skip);
    }
}
