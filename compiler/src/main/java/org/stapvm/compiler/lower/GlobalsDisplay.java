package org.stapvm.compiler.lower;

import static org.stapvm.compiler.lower.Body.isString;

import java.util.List;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Variable;

/**
 * The end handler SystemTap adds for each global written and never read: name=value, name="value",
 * name[k]=v (sorted by value, descending) and a statistic's @count/@min/@max/@sum/@avg. Each line is
 * printed twice, from the same registers: as stap's text (display_printf) and as the --format=json
 * record (record_printf, docs/json-output.md); the loader writes the one its format asks for.
 */
final class GlobalsDisplay {
    /** ITINIT sort spec: descending by value (@count for statistics). */
    private static final int SORT_VALUE_DESC = 2;
    /** stap's display of a statistic: these aggregates (indexes into SAGG's count,sum,min,max,avg) in this format. */
    private static final int[] STAT_DISPLAY = {0, 2, 3, 1, 4};
    private static final String STAT_FORMAT = " @count=%d @min=%d @max=%d @sum=%d @avg=%d";
    /** The record's fields for STAT_DISPLAY's aggregates, in that order. */
    private static final String STAT_RECORD = ",\"count\":%d,\"min\":%d,\"max\":%d,\"sum\":%d,\"avg\":%d}\n";

    private final CheckedProgram program;
    private final ModuleTables tables;
    private final Emitter code;

    GlobalsDisplay(CheckedProgram program, ModuleTables tables, int index) {
        this.program = program;
        this.tables = tables;
        this.code = new Emitter(tables, index, "handler");
    }

    /** The end handler displaying {@code g} (stap adds one end probe per displayed global). */
    Module.Function lower(Variable g) {
        Type t = program.typeOf(g);
        List<Type> keys = program.keyTypes().getOrDefault(g, List.of());
        if (t == Type.STATS && keys.isEmpty()) {
            statistic(g);
        } else if (keys.isEmpty()) {
            scalar(g, t);
        } else {
            array(g, t, keys);
        }
        code.emit(Opcode.RETV, 0, 0, 0, 0);
        return code.finish("__print_" + g.name(), 0, 0, 0);
    }

    /** stap: "name @count=%d @min=%d @max=%d @sum=%d @avg=%d", nothing for an empty statistic. */
    private void statistic(Variable g) {
        int gi = tables.global(g);
        int agg = code.reserveI(6);
        int w = code.reserveI(STAT_DISPLAY.length);
        code.emit(Opcode.SAGG, agg, 0, 0, gi);
        Emitter.Label empty = code.label();
        code.jump(Opcode.JZ, agg, 0, 0, empty);
        for (int i = 0; i < STAT_DISPLAY.length; i++) {
            code.emit(Opcode.MOV, w + i, agg + STAT_DISPLAY[i], 0, 0);
        }
        int fmt = code.tmpS();
        print(fmt, g.name() + STAT_FORMAT + "\n", head(g) + STAT_RECORD, w, STAT_DISPLAY.length, 1);
        code.place(empty);
    }

    private static String valueFormat(Type t) {
        return isString(t) ? "\"%s\"" : "%d";
    }

    /** record_printf's conversion of a value of type t (a %s there is a JSON string, quotes included). */
    private static String recordFormat(Type t) {
        return isString(t) ? "%s" : "%d";
    }

    /** The start of g's record, up to its name. */
    private static String head(Variable g) {
        return "{\"type\":\"global\",\"name\":\"" + g.name() + "\"";
    }

    /**
     * One line of the display from the windows ints [wi, wi+ni) and strings [fmt, fmt+ns) (fmt's
     * register takes the format): as text, then as its record.
     */
    private void print(int fmt, String text, String record, int wi, int ni, int ns) {
        code.emit(Opcode.LDS, fmt, 0, 0, tables.string(text));
        code.helper(Opcode.Helper.DISPLAY_PRINTF, code.tmpI(), wi, ni, fmt, ns, false);
        code.emit(Opcode.LDS, fmt, 0, 0, tables.string(record));
        code.helper(Opcode.Helper.RECORD_PRINTF, code.tmpI(), wi, ni, fmt, ns, false);
    }

    private void scalar(Variable g, Type t) {
        int gi = tables.global(g);
        int fmt = code.tmpS();
        String text = g.name() + "=" + valueFormat(t) + "\n";
        String record = head(g) + ",\"value\":" + recordFormat(t) + "}\n";
        if (isString(t)) {
            int v = code.tmpS();
            code.emit(Opcode.GGETS, v, 0, 0, gi);
            print(fmt, text, record, 0, 0, 2);
        } else {
            int v = code.tmpI();
            code.emit(Opcode.GGET, v, 0, 0, gi);
            print(fmt, text, record, v, 1, 1);
        }
    }

    private void array(Variable g, Type t, List<Type> keys) {
        int gi = tables.global(g);
        int it = code.iterator();
        int limit = code.tmpI();
        code.emit(Opcode.LDI, limit, 0, 0, 0);
        code.emit(Opcode.ITINIT, it, limit, SORT_VALUE_DESC, gi);
        int ns = ExpressionLowering.stringCount(keys);
        int ni = keys.size() - ns;
        // Key window is laid out so that the printf window follows: ints [keys..., value],
        // strings [fmt, keys..., value].
        int fmt = code.tmpS();
        boolean stats = t == Type.STATS;
        int ki = code.reserveI(ni + (stats ? STAT_DISPLAY.length : 1));
        int ks = code.reserveS(ns + 1);
        Emitter.Label top = code.here();
        Emitter.Label exit = code.label();
        code.jump(Opcode.ITNEXT, it, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, exit);
        StringBuilder f = new StringBuilder(g.name()).append('[');
        StringBuilder r = new StringBuilder(head(g)).append(",\"key\":[");
        for (int i = 0; i < keys.size(); i++) {
            f.append(i > 0 ? "," : "").append(valueFormat(keys.get(i)));
            r.append(i > 0 ? "," : "").append(recordFormat(keys.get(i)));
        }
        f.append(']').append(stats ? STAT_FORMAT : "=" + valueFormat(t)).append('\n');
        r.append(']').append(stats ? STAT_RECORD : ",\"value\":" + recordFormat(t) + "}\n");
        String text = f.toString(), record = r.toString();
        if (stats) {
            int agg = code.reserveI(6);
            code.emit(Opcode.AAGG, agg, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
            for (int i = 0; i < STAT_DISPLAY.length; i++) {
                code.emit(Opcode.MOV, ki + ni + i, agg + STAT_DISPLAY[i], 0, 0);
            }
            print(fmt, text, record, ki, ni + STAT_DISPLAY.length, ns + 1);
        } else if (isString(t)) {
            code.emit(Opcode.AGETS, ks + ns, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
            print(fmt, text, record, ni == 0 ? 0 : ki, ni, ns + 2);
        } else {
            code.emit(Opcode.AGET, ki + ni, ni == 0 ? 0 : ki, ns == 0 ? 0 : ks, gi);
            print(fmt, text, record, ki, ni + 1, ns + 1);
        }
        code.jump(top);
        code.place(exit);
        code.emit(Opcode.ITEND, it, 0, 0, 0);
    }
}
