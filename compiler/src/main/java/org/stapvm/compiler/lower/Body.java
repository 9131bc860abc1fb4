package org.stapvm.compiler.lower;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Diagnostics;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;

/**
 * What the expression, call and statement lowering of one body share: the checked program, the
 * unit being lowered (null for the generated init and print bodies), the module tables, the
 * emitter, the registers of the unit's variables and its @entry slots.
 */
final class Body {
    final CheckedProgram program;
    final Unit unit;
    final ModuleTables tables;
    final Emitter code;
    final EntrySlots entrySlots;
    /** The module's MAXSTRINGLEN: a string register holds at most one less. */
    final int maxStringLen;
    /** While a target expression's meaning is lowered: where its runtime errors are reported. */
    String targetNear;
    /** How this body's statements and calls are charged to MAXACTION (FunctionLowering decides). */
    ActionCharges actions;
    private final Diagnostics diags;
    private final Map<Variable, Integer> registers = new IdentityHashMap<>();

    Body(CheckedProgram program, Unit unit, ModuleTables tables, Emitter code, EntrySlots entrySlots,
         Diagnostics diags, int maxStringLen) {
        this.maxStringLen = maxStringLen;
        this.program = program;
        this.unit = unit;
        this.tables = tables;
        this.code = code;
        this.entrySlots = entrySlots;
        this.diags = diags;
        this.actions = new ActionCharges(code, false);
    }

    Diagnostics diags() {
        return diags;
    }

    /** A script construct that cannot be translated: stap's pass-3 semantic error at {@code token}. */
    void error(String message, String token, SourcePos pos) {
        diags.addError(message, token, pos);
    }

    static boolean isString(Type t) {
        return t == Type.STRING;
    }

    /** The type of {@code e} in this body; string constants are strings even where sema recorded none. */
    Type typeOf(Expression e) {
        if (e instanceof Expression.StringLiteral || Optimize.stringConstant(e) != null) {
            return Type.STRING;
        }
        return program.typeOf(unit, e);
    }

    Type type(Variable v) {
        return program.typeOf(v);
    }

    List<Type> keyTypes(Variable array) {
        return program.keyTypes().getOrDefault(array, List.of());
    }

    int global(Variable g) {
        return tables.global(g);
    }

    /** Gives local or parameter {@code v} its own register in the file of its type. */
    void allocate(Variable v) {
        registers.put(v, isString(type(v)) ? code.tmpS() : code.tmpI());
    }

    boolean hasRegister(Variable v) {
        return registers.containsKey(v);
    }

    int register(Variable v) {
        return registers.get(v);
    }
}
