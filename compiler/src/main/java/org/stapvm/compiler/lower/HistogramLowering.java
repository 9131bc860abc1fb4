package org.stapvm.compiler.lower;

import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.Describe;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Expression;

/**
 * A histogram's buckets as values: {@code @hist_linear(s, lo, hi, step)[i]} and {@code @hist_log(s)[i]}
 * read bucket i of statistic s (a global, or an element s[k] of a statistic array), numbered as stap numbers them (linear: 0 below lo, then one per
 * step, the last above hi; log: 128 buckets, 64 holding 0). stap's errors: an empty statistic is
 * 'empty aggregate', a bucket outside the histogram 'histogram index out of range'.
 */
final class HistogramLowering {
    /** stap's HIST_LOG_BUCKETS. */
    private static final int LOG_BUCKETS = 128;

    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;

    HistogramLowering(Body body, ExpressionLowering exprs) {
        this.body = body;
        this.code = body.code;
        this.exprs = exprs;
    }

    /** How many buckets histogram {@code h} has: (hi - lo) / step + 3 for a linear one, 128 for a log one. */
    int buckets(Expression h) {
        if (h instanceof Expression.HistLinear l) {
            Long lo = exprs.constant(l.low()), hi = exprs.constant(l.high()), step = exprs.constant(l.step());
            if (lo == null || hi == null || step == null || step <= 0) {
                throw new LowerException("histogram bounds are not constant", Describe.token(h), h.pos());
            }
            return (int) ((hi - lo) / step + 3);
        }
        return LOG_BUCKETS;
    }

    /** The statistic a histogram reads: global {@code global}, and for an element of a statistic array its keys' register window. */
    record Source(int global, int[] keys) {}

    /** Where histogram {@code h}'s statistic is; an element's keys are evaluated here, once. */
    Source source(Expression h) {
        Expression operand = h instanceof Expression.HistLinear l ? l.operand() : ((Expression.HistLog) h).operand();
        Variable g = body.unit.variable(operand);
        int gi = body.global(g);
        return operand instanceof Expression.ArrayElement a ? new Source(gi, exprs.keys(g, a.keys())) : new Source(gi, null);
    }

    /** Loads into {@code r} the count in bucket {@code bucket} of {@code s} (0 where the bucket is out of range). */
    void count(Source s, int r, int bucket) {
        if (s.keys() == null) {
            code.emit(Opcode.SHIST, r, bucket, 0, s.global());
        } else {
            code.emit(Opcode.MOV, r, bucket, 0, 0);
            code.emit(Opcode.AHIST, r, s.keys()[0], s.keys()[1], s.global());
        }
    }

    /**
     * The count in bucket {@code bucket} (an int register) of histogram {@code h}, checked as stap
     * checks it: an empty statistic, or an absent element of a statistic array, is 'empty aggregate'.
     */
    int read(Expression h, int bucket, String near) {
        Source s = source(h);
        int agg = code.reserveI(6);
        if (s.keys() == null) {
            code.emit(Opcode.SAGG, agg, 0, 0, s.global());
        } else {
            code.emit(Opcode.AAGG, agg, s.keys()[0], s.keys()[1], s.global());
        }
        fail(agg, "empty aggregate", near);
        int inRange = code.tmpI(), limit = code.tmpI(), zero = code.tmpI();
        code.emit(Opcode.LDI, zero, 0, 0, 0);
        code.emit(Opcode.LDI, limit, 0, 0, buckets(h));
        code.emit(Opcode.GE, inRange, bucket, zero, 0);
        fail(inRange, "histogram index out of range", near);
        code.emit(Opcode.LT, inRange, bucket, limit, 0);
        fail(inRange, "histogram index out of range", near);
        int r = code.tmpI();
        count(s, r, bucket);
        return r;
    }

    /** {@code @hist_...(s)[i]}. */
    int bucket(Expression.HistBucket e) {
        return read(e.histogram(), exprs.ie(e.index()), Describe.token(e.histogram()) + " at " + e.histogram().pos());
    }

    /** Raises {@code message} near {@code near} unless register {@code ok} is non-zero. */
    private void fail(int ok, String message, String near) {
        Emitter.Label pass = code.label();
        code.jump(Opcode.JNZ, ok, 0, 0, pass);
        int m = code.tmpS();
        code.emit(Opcode.LDS, m, 0, 0, body.tables.string(message));
        code.at(near);
        code.emit(Opcode.THROW, m, 0, 0, 0);
        code.place(pass);
    }
}
