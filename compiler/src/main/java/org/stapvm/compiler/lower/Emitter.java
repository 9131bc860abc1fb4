package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;

/**
 * The code buffer of one body (as Lua's lcode.c beside lparser.c): instructions, jumps to labels
 * with their patch lists, register reservation in the int and string files, iterator slots and
 * source map entries. The lowering classes that walk the AST drive it and own no encoding details.
 */
final class Emitter {
    /** The verifier's register file size (bytecode.h SVM_MAX_REGS). */
    private static final int MAX_REGS = 256;

    /** A jump target; jumps emitted before it is placed wait in its patch list. */
    static final class Label {
        private int pc = -1;
        private final List<Integer> pending = new ArrayList<>();
    }

    /** Where the register tops stood, to release what a statement or expression reserved. */
    record Mark(int ints, int strings) {}

    private final ModuleTables tables;
    private final int function;
    private final String owner;
    private final List<Long> code = new ArrayList<>();
    private int nextI, nextS, maxI = 1, maxS = 1, iterators;

    /** {@code function}: this body's index in the module; {@code owner}: its name in error messages. */
    Emitter(ModuleTables tables, int function, String owner) {
        this.tables = tables;
        this.function = function;
        this.owner = owner;
    }

    int emit(Opcode op, int a, int b, int c, int x) {
        code.add(op.encode(a, b, c, x));
        return code.size() - 1;
    }

    /** The next instruction names {@code text} ("operator '/' at F:L:C") when it fails at run time. */
    void at(String text) {
        tables.sourceLoc(function, code.size(), text);
    }

    // ---- labels and jumps

    Label label() {
        return new Label();
    }

    /** A label at the current end of code, for backward jumps. */
    Label here() {
        Label l = new Label();
        l.pc = code.size();
        return l;
    }

    /** Places {@code l} at the current end of code, patching the jumps that wait for it. */
    void place(Label l) {
        l.pc = code.size();
        for (int at : l.pending) {
            patchTo(at, l.pc);
        }
        l.pending.clear();
    }

    /** A jump-class instruction (JMP, JZ, JNZ, ITNEXT, TRY) whose X operand is {@code target}. */
    void jump(Opcode op, int a, int b, int c, Label target) {
        int at = emit(op, a, b, c, 0);
        if (target.pc >= 0) {
            patchTo(at, target.pc);
        } else {
            target.pending.add(at);
        }
    }

    void jump(Label target) {
        jump(Opcode.JMP, 0, 0, 0, target);
    }

    private void patchTo(int at, int target) {
        long insn = code.get(at);
        code.set(at, (insn & 0xffffffffL) | ((long) (target - at - 1)) << 32);
    }

    // ---- registers

    int tmpI() {
        return reserveI(1);
    }

    int tmpS() {
        return reserveS(1);
    }

    /** {@code n} consecutive int registers (a window); returns the first. */
    int reserveI(int n) {
        int r = nextI;
        nextI += n;
        bump();
        return r;
    }

    /** {@code n} consecutive string registers; returns the first. */
    int reserveS(int n) {
        int r = nextS;
        nextS += n;
        bump();
        return r;
    }

    /** The register tops now: what the next reservation returns. */
    Mark mark() {
        return new Mark(nextI, nextS);
    }

    /** Frees every register reserved since {@code m}. */
    void release(Mark m) {
        nextI = m.ints();
        nextS = m.strings();
    }

    private void bump() {
        maxI = Math.max(maxI, nextI);
        maxS = Math.max(maxS, nextS);
        if (maxI > MAX_REGS || maxS > MAX_REGS) {
            throw new LowerException("too many registers in " + owner);
        }
    }

    /** A fresh foreach iterator slot. */
    int iterator() {
        return iterators++;
    }

    /** HCALL/HCALLS of helper {@code h}: int arguments from {@code bi}, string arguments from {@code cs}. */
    void helper(Opcode.Helper h, int a, int bi, int ni, int cs, int ns, boolean str) {
        emit(str ? Opcode.HCALLS : Opcode.HCALL, a, ni == 0 ? 0 : bi, ns == 0 ? 0 : cs,
                Opcode.helperOperand(h, ni, ns));
    }

    /** The finished function: {@code ia}/{@code sa} argument registers, {@code ret} 0 void, 1 int, 2 string. */
    Module.Function finish(String name, int ia, int sa, int ret) {
        long[] c = new long[code.size()];
        for (int i = 0; i < c.length; i++) {
            c[i] = code.get(i);
        }
        return new Module.Function(tables.string(name), maxI, maxS, ia, sa, ret, iterators, c);
    }
}
