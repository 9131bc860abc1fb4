package org.stapvm.compiler.sema;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.bytecode.Opcode;

/**
 * The functions the runtime implements natively (helpers in C), as data: name, parameter types,
 * result type (null for functions that return nothing) and how arguments are checked. The shaped
 * ones and the few the compiler lowers itself are listed here; the rest come from the helper rows
 * of runtime-native/vm/helpers.def (through the generated {@link Opcode.Helper}).
 */
public final class Builtins {
    private Builtins() {}

    public enum Shape {
        /** Fixed parameters with fixed types. */
        FIXED,
        /** print/sprint: one or more values of any type. */
        PRINT,
        /** printd/sprintd: a string delimiter then one or more values of any type. */
        DELIMITED,
        /** printf/sprintf: a literal format string checked against the rest (FormatCheck). */
        FORMAT
    }

    /** One native function. {@code params} lists the fixed parameters (for FIXED, all of them). */
    public record Builtin(String name, List<Type> params, Type result, Shape shape) {
        public Builtin {
            params = List.copyOf(params);
        }
    }

    private static final Type L = Type.LONG;
    private static final Type S = Type.STRING;
    private static final Map<String, Builtin> TABLE = new LinkedHashMap<>();

    private static void fixed(String name, Type result, Type... params) {
        TABLE.put(name, new Builtin(name, List.of(params), result, Shape.FIXED));
    }

    private static void shaped(String name, Type result, Shape shape, Type... params) {
        TABLE.put(name, new Builtin(name, List.of(params), result, shape));
    }

    static {
        shaped("print", null, Shape.PRINT);
        shaped("println", null, Shape.PRINT);
        shaped("sprint", S, Shape.PRINT);
        shaped("sprintln", S, Shape.PRINT);
        shaped("printd", null, Shape.DELIMITED, S);
        shaped("printdln", null, Shape.DELIMITED, S);
        shaped("sprintd", S, Shape.DELIMITED, S);
        shaped("sprintdln", S, Shape.DELIMITED, S);
        shaped("printf", null, Shape.FORMAT, S);
        shaped("sprintf", S, Shape.FORMAT, S);
        // Natives the compiler lowers itself (no helper); ties in "(similar: ...)" keep table order.
        fixed("log", null, S);
        fixed("error", null, S);
        fixed("exit", null);
        fixed("abort", null);
        // Every other native is the helper of the same name, typed by its helpers.def row. The
        // print helpers above are the lowering's targets of the shaped functions of their names.
        for (Opcode.Helper h : Opcode.Helper.values()) {
            if (h.implemented && !h.variadic() && !TABLE.containsKey(h.mnemonic)) {
                fixed(h.mnemonic, type(h.ret), params(h.params));
            }
        }
    }

    /** A helpers.def result kind as a script type: VOID is null (returns nothing). */
    private static Type type(String ret) {
        return switch (ret) {
            case "VOID" -> null;
            case "INT" -> L;
            case "STR" -> S;
            default -> throw new IllegalStateException("helpers.def: result " + ret);
        };
    }

    /** helpers.def parameter letters (L long, S string) as types. */
    private static Type[] params(String letters) {
        Type[] t = new Type[letters.length()];
        for (int i = 0; i < t.length; i++) {
            t[i] = letters.charAt(i) == 'S' ? S : L;
        }
        return t;
    }

    public static Builtin lookup(String name) {
        return TABLE.get(name);
    }

    public static Map<String, Builtin> all() {
        return java.util.Collections.unmodifiableMap(TABLE);
    }
}
