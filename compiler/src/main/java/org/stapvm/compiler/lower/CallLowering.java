package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.Builtins;
import org.stapvm.compiler.sema.Callee;
import org.stapvm.compiler.sema.StatementCount;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;

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
        int r = dispatch(c);
        chargeAfter(c);
        return r;
    }

    /**
     * stap spends the caller's counted actions after each call of a function whose statement count
     * is bounded, with that count added (the callee charges nothing itself); a tapset function is
     * embedded C, with no statements. After an unbounded function nothing is spent.
     */
    private void chargeAfter(Expression.Call c) {
        Callee callee = body.unit.callee(c);
        long n = 0;
        if (callee instanceof Callee.Script s) {
            n = StatementCount.isLibrary(s.function(), body.diags()) ? 0 : StatementCount.of(s.function(), body.diags());
        } else if (PRINT_FORMATS.contains(((Callee.Native) callee).builtin().name())) {
            return;
        }
        if (n >= 0) {
            body.actions.record((int) Math.min(n, Integer.MAX_VALUE), "identifier '" + c.function() + "' at " + c.pos(), true);
        }
    }

    private int dispatch(Expression.Call c) {
        Callee callee = body.unit.callee(c);
        if (callee instanceof Callee.Script s) {
            return scriptCall(c, s.function());
        }
        Builtins.Builtin b = ((Callee.Native) callee).builtin();
        switch (b.name()) {
            case "print", "println" -> {
                // each argument is printed on its own: only it (not the line) is bounded by MAXSTRINGLEN
                for (Expression a : c.args()) {
                    if (isHistogram(a)) {
                        histogram(a, c);
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
                code.helper(Opcode.Helper.PRINTLN, code.tmpI(), 0, 0, exprs.se(c.args().get(0)), 1, false);
                return 0;
            }
            case "printf", "sprintf" -> {
                int[] w = exprs.window(c.args(), exprs.argTypes(c.args()));
                boolean str = b.name().equals("sprintf");
                int r = str ? code.tmpS() : code.tmpI();
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
                return helperCall(c, b);
            }
        }
    }

    private int scriptCall(Expression.Call c, Unit f) {
        List<Type> types = new ArrayList<>();
        for (Variable p : f.params()) {
            types.add(isString(body.type(p)) ? Type.STRING : Type.LONG);
        }
        int[] w = exprs.window(c.args(), types);
        int fi = body.tables.function(f);
        code.at("identifier '" + f.name() + "' at " + namePos(f.function()));
        if (isString(body.program.returnTypes().get(f))) {
            int r = code.tmpS();
            code.emit(Opcode.CALLS, r, w[0], w[1], fi);
            return r;
        }
        int r = code.tmpI();
        code.emit(Opcode.CALL, r, w[0], w[1], fi);
        return r;
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
            throw new LowerException("function " + b.name() + "() is not supported by the runtime yet at " + c.pos());
        }
        int[] w = exprs.window(c.args(), exprs.argTypes(c.args()));
        boolean str = h.ret.equals("STR");
        int r = str ? code.tmpS() : code.tmpI();
        // a helper's runtime error (copy fault, bad arg) names the call as stap names the tapset
        // function, or the target expression ($file->f_pos) the call is part of
        code.at(body.targetNear != null ? body.targetNear : "identifier '" + b.name() + "' at " + c.pos());
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
