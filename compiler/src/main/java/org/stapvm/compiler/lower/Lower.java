package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.HistogramSpecs;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.probes.ProbeSpec;

/**
 * Lowers a CheckedProgram to a Module: one bytecode function per script function, one handler per
 * probe (begin/end/error probes ordered by their sequence), and an extra end handler printing the
 * globals that were written and never read ({@link GlobalsDisplay}). Code generation of one body is
 * {@link FunctionLowering}; the interned tables every body adds to are {@link ModuleTables}.
 */
public final class Lower {
    private final CheckedProgram program;
    private final ModuleTables tables = new ModuleTables();
    private final Map<Unit, EntrySlots> entrySlots = new java.util.IdentityHashMap<>();
    private int maxStringLen = DEFAULT_MAXSTRINGLEN;
    /** The runtime's MAXSTRINGLEN when the module has no limits section. */
    private static final int DEFAULT_MAXSTRINGLEN = 512;

    private Lower(CheckedProgram program) {
        this.program = program;
    }

    /** Lowers with the runtime's default limits (no limits section). */
    public static Module run(CheckedProgram program) {
        return new Lower(program).lower(null);
    }

    /** Lowers and records {@code limits} (from -D MAXACTION=... etc.) in the module. */
    public static Module run(CheckedProgram program, Module.Limits limits) {
        return new Lower(program).lower(limits);
    }

    /** The @entry layout of a probe body (empty for functions and init/print bodies). */
    private EntrySlots entrySlots(Unit unit) {
        if (unit == null) {
            return EntrySlots.of(program, null, maxStringLen);
        }
        return entrySlots.computeIfAbsent(unit, u -> EntrySlots.of(program, u, maxStringLen));
    }

    private FunctionLowering body(Unit unit, int index) {
        return new FunctionLowering(program, tables, entrySlots(unit), unit, index);
    }

    private Module lower(Module.Limits limits) {
        if (limits != null) {
            maxStringLen = limits.maxStringLen();
        }
        List<Module.Global> globals = new ArrayList<>();
        Map<Variable, HistogramSpecs.Spec> hist = HistogramSpecs.collect(program, Optimize::constant);
        for (Variable g : program.globals()) {
            tables.addGlobal(g);
            Type t = program.typeOf(g);
            List<Type> keys = program.keyTypes().getOrDefault(g, List.of());
            List<Integer> keyTypes = keys.stream().map(k -> k == Type.STRING ? 1 : 0).toList();
            int vt = t == Type.STRING ? 1 : t == Type.STATS ? 2 : 0;
            int flags = g.global() != null && g.global().wrap() ? 1 : 0;
            int size = g.global() != null && g.global().isArray() ? (int) g.global().size() : 0;
            HistogramSpecs.Spec h = hist.getOrDefault(g, new HistogramSpecs.Spec(0, 0, 0, 0));
            globals.add(new Module.Global(vt, keyTypes, flags, h.kind(), size, tables.string(g.name()),
                    (int) h.lo(), (int) h.hi(), (int) h.step()));
        }
        for (Unit f : program.functions()) {
            tables.addFunction(f);
        }
        List<Module.Function> functions = new ArrayList<>();
        for (Unit f : program.functions()) {
            functions.add(body(f, functions.size()).lower());
        }
        List<Unit> probes = new ArrayList<>(program.probes());
        probes.sort(Comparator.comparingLong(u -> u.probe().spec().sequence()));
        List<Module.Probe> table = new ArrayList<>();
        if (program.globals().stream().anyMatch(g -> g.global() != null && g.global().init() != null)) {
            int index = functions.size();
            functions.add(body(null, index).lowerGlobalInit(program.globals()));
            table.add(new Module.Probe(tables.string("begin"), index));
        }
        // A process or kernel function pattern expands to one probe per function, all with the same body:
        // they share one handler (pp() tells them apart by the probe's descriptor).
        Map<org.stapvm.lang.ast.Statement.Block, Integer> shared = new java.util.IdentityHashMap<>();
        Map<org.stapvm.lang.ast.Statement.Block, Integer> sharedEntry = new java.util.IdentityHashMap<>();
        List<Module.EntryProgram> entries = new ArrayList<>();
        for (Unit p : probes) {
            String descriptor = descriptor(p.probe().spec());
            boolean share = p.probe().spec().descriptor() != null;
            Integer index = share ? shared.get(p.probe().body()) : null;
            if (index == null) {
                index = functions.size();
                functions.add(body(p, index).lower());
                shared.put(p.probe().body(), index);
            }
            EntrySlots slots = entrySlots(p);
            if (!slots.isEmpty()) {
                // a .return probe's @entry operands: one entry program per body, run at each call's entry
                if (slots.size() > MAX_ENTRY_DATA) {
                    throw new LowerException("@entry data of probe " + p.name() + " needs " + slots.size()
                            + " bytes, more than " + MAX_ENTRY_DATA);
                }
                Integer entry = share ? sharedEntry.get(p.probe().body()) : null;
                if (entry == null) {
                    entry = functions.size();
                    functions.add(body(p, entry).lowerEntryProgram());
                    sharedEntry.put(p.probe().body(), entry);
                }
                entries.add(new Module.EntryProgram(table.size(), entry, slots.size()));
            }
            table.add(new Module.Probe(tables.string(descriptor), index));
        }
        if (!program.printAtEnd().isEmpty()) {
            int index = functions.size();
            functions.add(new GlobalsDisplay(program, tables, index).lower(program.printAtEnd()));
            table.add(new Module.Probe(tables.string("end"), index));
        }
        return new Module(tables.strings(), tables.constants(), globals, functions,
                table, limits, tables.sourceMap(), tables.regexes(), entries);
    }

    /** The verifier's bound on one hit's @entry data (module.h SVM_MAX_ENTRY_DATA). */
    static final int MAX_ENTRY_DATA = 16384;

    /** The probe point text the runtime matches: begin, end, error, never, timer.ms(100).randomize(5), kernel.function("f"). */
    static String descriptor(ProbeSpec s) {
        return switch (s.kind()) {
            case BEGIN -> "begin";
            case END -> "end";
            case ERROR -> "error";
            case NEVER -> "never";
            case TIMER -> "timer." + s.unit() + "(" + s.value() + ")"
                    + (s.randomize() != 0 ? ".randomize(" + s.randomize() + ")" : "");
            case PROCESS, KERNEL -> s.descriptor();
        };
    }
}
