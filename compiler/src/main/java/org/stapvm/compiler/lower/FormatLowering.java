package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.lang.PrintFormat;
import org.stapvm.lang.ast.Expression;

/**
 * Literal text longer than a string register, as stap prints it. stap's string literals are C
 * literals: print("..."), a printf format and a literal printed with a plain %s come out whole,
 * and an sprintf format is read whole (its result is bounded by MAXSTRINGLEN). A register holds
 * MAXSTRINGLEN - 1 bytes, so such text is printed, or appended, in pieces that fit, and a long
 * format is split into its literal runs and single conversions, each formatted on its own.
 */
final class FormatLowering {
    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;

    FormatLowering(Body body, ExpressionLowering exprs) {
        this.body = body;
        this.code = body.code;
        this.exprs = exprs;
    }

    /** The most text one string register holds. */
    private int room() {
        return Math.max(1, body.maxStringLen - 1);
    }

    /** Whether {@code text} does not fit a register. */
    boolean tooLong(String text) {
        return text != null && text.length() > room();
    }

    /** Whether printf/sprintf {@code c} needs splitting: a literal format, or a %s literal, that does not fit. */
    boolean needsSplit(Expression.Call c) {
        String format = Optimize.stringConstant(c.args().get(0));
        if (format == null || PrintFormat.pieces(format) == null) {
            return false;
        }
        if (tooLong(format)) {
            return true;
        }
        int arg = 1;
        for (PrintFormat.Piece p : PrintFormat.pieces(format)) {
            if (p.conversion() && p.text().equals("%s") && tooLong(Optimize.stringConstant(c.args().get(arg)))) {
                return true;
            }
            arg += p.arguments();
        }
        return false;
    }

    /** Whether printf/sprintf {@code c} may read memory (%m, %M; a format not known until run time). */
    static boolean readsMemory(Expression.Call c) {
        String format = Optimize.stringConstant(c.args().get(0));
        List<PrintFormat.Piece> pieces = format == null ? null : PrintFormat.pieces(format);
        return pieces == null || pieces.stream().anyMatch(p -> p.conversion()
                && (p.text().endsWith("m") || p.text().endsWith("M")));
    }

    /** Prints {@code text} whole, a register's worth at a time. */
    void printText(String text) {
        for (int at = 0; at < text.length(); at += room()) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(text.substring(at, Math.min(text.length(), at + room()))));
            code.helper(Opcode.Helper.PRINT, code.tmpI(), 0, 0, r, 1, false);
        }
    }

    /** printf or sprintf {@code c} (needsSplit), piece by piece; returns sprintf's string register, 0 for printf. */
    int format(Expression.Call c, boolean toString) {
        List<PrintFormat.Piece> pieces = PrintFormat.pieces(Optimize.stringConstant(c.args().get(0)));
        List<Expression> args = c.args().subList(1, c.args().size());
        // stap evaluates every argument before it formats any
        List<Integer> regs = new ArrayList<>();
        for (Expression a : args) {
            boolean str = isString(body.typeOf(a));
            int r = str ? code.tmpS() : code.tmpI();
            code.emit(str ? Opcode.MOVS : Opcode.MOV, r, str ? exprs.se(a) : exprs.ie(a), 0, 0);
            regs.add(r);
        }
        int acc = 0;
        if (toString) {
            acc = code.tmpS();
            code.emit(Opcode.LDS, acc, 0, 0, body.tables.string(""));
        }
        int next = 0;
        for (PrintFormat.Piece p : pieces) {
            Emitter.Mark mark = code.mark();
            String literal = !p.conversion() ? p.text()
                    : p.text().equals("%s") ? Optimize.stringConstant(args.get(next)) : null;
            if (literal != null) {
                if (toString) {
                    append(acc, literal);
                } else {
                    printText(literal);
                }
            } else {
                conversion(p, args.subList(next, next + p.arguments()), regs.subList(next, next + p.arguments()),
                        toString, acc, c);
            }
            next += p.arguments();
            code.release(mark);
        }
        return acc;
    }

    /** Appends {@code text} to string register {@code acc} (CONCAT bounds it as sprintf's result is). */
    private void append(int acc, String text) {
        for (int at = 0; at < text.length(); at += room()) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(text.substring(at, Math.min(text.length(), at + room()))));
            code.emit(Opcode.CONCAT, acc, acc, r, 0);
        }
    }

    /** One conversion through the printf/sprintf helper: its format first in the string window, then its arguments. */
    private void conversion(PrintFormat.Piece p, List<Expression> args, List<Integer> regs, boolean toString, int acc,
                            Expression.Call c) {
        int ns = (int) args.stream().filter(a -> isString(body.typeOf(a))).count();
        int ni = args.size() - ns;
        int wi = ni == 0 ? 0 : code.reserveI(ni);
        int ws = code.reserveS(ns + 1);
        code.emit(Opcode.LDS, ws, 0, 0, body.tables.string(p.text()));
        int ii = 0, ss = 1;
        for (int k = 0; k < args.size(); k++) {
            if (isString(body.typeOf(args.get(k)))) {
                code.emit(Opcode.MOVS, ws + ss++, regs.get(k), 0, 0);
            } else {
                code.emit(Opcode.MOV, wi + ii++, regs.get(k), 0, 0);
            }
        }
        code.at("identifier '" + c.function() + "' at " + c.pos());
        if (toString) {
            int r = code.tmpS();
            code.helper(Opcode.Helper.SPRINTF, r, wi, ni, ws, ns + 1, true);
            code.emit(Opcode.CONCAT, acc, acc, r, 0);
        } else {
            code.helper(Opcode.Helper.PRINTF, code.tmpI(), wi, ni, ws, ns + 1, false);
        }
    }
}
