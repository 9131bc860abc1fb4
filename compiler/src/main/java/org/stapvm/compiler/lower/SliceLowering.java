package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Expression;

/**
 * Array slices with {@code *} keys, as stap's translator does them: the given keys are evaluated
 * once, then the array is walked and each entry's keys compared with them ({@code [1, *] in a}
 * stops at the first match, {@code delete a[*, "x"]} deletes every match, a foreach over
 * {@code a[*, 2]} skips the entries that differ; its limit counts every entry walked, matching
 * or not, since stap checks the limit first).
 */
final class SliceLowering {
    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;

    SliceLowering(Body body, ExpressionLowering exprs) {
        this.body = body;
        this.code = body.code;
        this.exprs = exprs;
    }

    static boolean isSlice(List<Expression> keys) {
        return keys != null && keys.stream().anyMatch(k -> k instanceof Expression.Wildcard);
    }

    /**
     * The slice's given keys in registers of their own (the caller keeps them reserved for the
     * walk), -1 for each {@code *}.
     */
    int[] given(List<Expression> slice) {
        int[] regs = new int[slice.size()];
        for (int i = 0; i < slice.size(); i++) {
            Expression k = slice.get(i);
            if (k instanceof Expression.Wildcard) {
                regs[i] = -1;
            } else if (isString(body.typeOf(k))) {
                regs[i] = code.tmpS();
                code.emit(Opcode.MOVS, regs[i], exprs.se(k), 0, 0);
            } else {
                regs[i] = code.tmpI();
                code.emit(Opcode.MOV, regs[i], exprs.ie(k), 0, 0);
            }
        }
        return regs;
    }

    /** Jumps to {@code differs} unless the entry's keys (int window {@code ki}, string window {@code ks}) match {@code given}. */
    void unlessMatching(int[] given, List<Type> keyTypes, int ki, int ks, Emitter.Label differs) {
        int ii = 0, ss = 0;
        for (int i = 0; i < given.length; i++) {
            boolean str = isString(keyTypes.get(i));
            int key = str ? ks + ss++ : ki + ii++;
            if (given[i] < 0) {
                continue;
            }
            Emitter.Mark mark = code.mark();
            int same = code.tmpI();
            code.emit(str ? Opcode.SEQ : Opcode.EQ, same, given[i], key, 0);
            code.jump(Opcode.JZ, same, 0, 0, differs);
            code.release(mark);
        }
    }

    /** {@code [k, *] in arr}: 1 when some entry matches. */
    int in(Variable array, List<Expression> keys) {
        int found = code.tmpI();
        code.emit(Opcode.LDI, found, 0, 0, 0);
        walk(array, keys, (ki, ks) -> {
            code.emit(Opcode.LDI, found, 0, 0, 1);
            return true;
        });
        return found;
    }

    /** {@code delete arr[k, *]}: every matching entry. */
    void delete(Variable array, List<Expression> keys) {
        int gi = body.global(array);
        walk(array, keys, (ki, ks) -> {
            code.emit(Opcode.ADEL, 0, ki, ks, gi);
            return false;
        });
    }

    /** What a walk does with a matching entry; true ends the walk. */
    private interface OnMatch {
        boolean emit(int ki, int ks);
    }

    private void walk(Variable array, List<Expression> keys, OnMatch onMatch) {
        Emitter.Mark mark = code.mark();
        List<Type> keyTypes = body.keyTypes(array);
        int gi = body.global(array);
        int[] given = given(keys);
        int it = code.iterator();
        int none = code.tmpI();
        code.emit(Opcode.LDI, none, 0, 0, 0);
        code.emit(Opcode.ITINIT, it, none, 0, gi);
        int ns = ExpressionLowering.stringCount(keyTypes);
        int ni = keyTypes.size() - ns;
        int ki = ni == 0 ? 0 : code.reserveI(ni);
        int ks = ns == 0 ? 0 : code.reserveS(ns);
        Emitter.Label top = code.here();
        Emitter.Label exit = code.label();
        code.jump(Opcode.ITNEXT, it, ki, ks, exit);
        unlessMatching(given, keyTypes, ki, ks, top);
        if (onMatch.emit(ki, ks)) {
            code.jump(exit);
        } else {
            code.jump(top);
        }
        code.place(exit);
        code.emit(Opcode.ITEND, it, 0, 0, 0);
        code.release(mark);
    }
}
