package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Diagnostics;
import org.stapvm.compiler.sema.StatementCount;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Expression;

/**
 * One bytecode function: a script function or probe handler, a .return probe's entry program, or
 * the generated global initialiser. Variables get fixed registers first (parameters, then locals);
 * statement-scoped temporaries go above them ({@link Emitter}).
 */
final class FunctionLowering {
    private final Body body;
    private final Emitter code;
    private final ExpressionLowering exprs;
    private final Diagnostics diags;

    /** {@code unit} null: a generated body (global initialiser) with no variables of its own. */
    FunctionLowering(CheckedProgram program, ModuleTables tables, EntrySlots entrySlots, Unit unit, int index,
                     Diagnostics diags, int maxStringLen) {
        this.code = new Emitter(tables, index, unit == null ? "handler" : unit.name());
        this.body = new Body(program, unit, tables, code, entrySlots, diags, maxStringLen);
        this.exprs = new ExpressionLowering(body);
        this.diags = diags;
    }

    Module.Function lower() {
        Unit unit = body.unit;
        int[] args = allocateVariables();
        body.actions = actionCharges(unit);
        new StatementLowering(body, exprs).body(unit.body());
        int ret = 0;
        if (unit.isFunction()) {
            Type rt = body.program.returnTypes().get(unit);
            ret = rt == Type.STRING ? 2 : rt == Type.LONG ? 1 : 0;
        }
        defaultReturn(ret);
        return code.finish(unit.name(), args[0], args[1], ret);
    }

    /** The entry program of a .return probe: each @entry operand evaluated and stored in its slot. */
    Module.Function lowerEntryProgram() {
        allocateVariables();
        for (EntrySlots.Slot slot : body.entrySlots.slots()) {
            Expression operand = slot.entry().operand();
            if (slot.string()) {
                code.emit(Opcode.ESTS, exprs.se(operand), 0, 0, slot.offset());
            } else {
                code.emit(Opcode.EST, exprs.ie(operand), 0, 0, slot.offset());
            }
            code.release(new Emitter.Mark(0, 0));
        }
        code.emit(Opcode.RETV, 0, 0, 0, 0);
        return code.finish(body.unit.name() + ".entry", 0, 0, 0);
    }

    /** Each global's initial value, then its -G value ({@code presets}), run as the first begin probe. */
    Module.Function lowerGlobalInit(List<Variable> globals, java.util.Map<String, String> presets) {
        for (Variable g : globals) {
            if (g.global() == null) {
                continue;
            }
            int gi = body.global(g);
            if (g.global().init() != null) {
                if (isString(body.type(g))) {
                    code.emit(Opcode.GSETS, exprs.se(g.global().init()), 0, 0, gi);
                } else {
                    code.emit(Opcode.GSET, exprs.ie(g.global().init()), 0, 0, gi);
                }
                code.release(new Emitter.Mark(0, 0));
            }
            String preset = presets.get(g.name());
            if (preset != null && body.program.arity().getOrDefault(g, 0) == 0) {
                presetGlobal(g, gi, preset);
            }
        }
        code.emit(Opcode.RETV, 0, 0, 0, 0);
        return code.finish("__global_init", 0, 0, 0);
    }

    /**
     * How {@code unit}'s statements are charged to MAXACTION, as stap does: a library function (stap's
     * are embedded C) not at all; a body with a bounded statement count is checked once at its
     * start and charges nothing more; any other charges per statement.
     */
    private ActionCharges actionCharges(Unit unit) {
        if (StatementCount.isLibrary(unit, diags)) {
            return new ActionCharges(code, false);
        }
        long bound = StatementCount.of(unit, diags, body.program.elided());
        if (bound < 0) {
            return new ActionCharges(code, true);
        }
        ActionCharges none = new ActionCharges(code, false);
        // stap names the function there (its last statement is the function), a probe nothing
        none.checkBounded(bound, unit.isFunction() ? "identifier '" + unit.name() + "' at " + CallLowering.namePos(unit.function()) : null);
        return none;
    }

    /** -G NAME=VALUE: a string global takes VALUE as it is; a number global VALUE as strtoll reads it (base 0). */
    private void presetGlobal(Variable g, int gi, String value) {
        if (isString(body.type(g))) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(value));
            code.emit(Opcode.GSETS, r, 0, 0, gi);
        } else {
            Long n = org.stapvm.compiler.sema.PresetGlobals.number(value);
            if (n == null) {
                diags.addError("invalid -G value for global '" + g.name() + "': '" + value + "' is not a number", null, null);
                return;
            }
            code.emit(Opcode.GSET, exprs.loadInt(n), 0, 0, gi);
        }
        code.release(new Emitter.Mark(0, 0));
    }

    /** Registers for parameters then locals; returns the int and string argument counts. */
    private int[] allocateVariables() {
        Unit unit = body.unit;
        int ia = 0, sa = 0;
        if (unit.isFunction()) {
            for (Variable p : unit.params()) {
                body.allocate(p);
                if (isString(body.type(p))) {
                    sa++;
                } else {
                    ia++;
                }
            }
        }
        for (Variable v : unit.locals()) {
            body.allocate(v);
        }
        return new int[] {ia, sa};
    }

    /** What a body that falls off its end returns: 0, "" or nothing. */
    private void defaultReturn(int ret) {
        if (ret == 1) {
            int r = code.tmpI();
            code.emit(Opcode.LDI, r, 0, 0, 0);
            code.emit(Opcode.RET, r, 0, 0, 0);
        } else if (ret == 2) {
            int r = code.tmpS();
            code.emit(Opcode.LDS, r, 0, 0, body.tables.string(""));
            code.emit(Opcode.RETS, r, 0, 0, 0);
        } else {
            code.emit(Opcode.RETV, 0, 0, 0, 0);
        }
    }
}
