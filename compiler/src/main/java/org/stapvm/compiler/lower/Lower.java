package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.HistogramSpecs;
import org.stapvm.compiler.sema.NestingDepth;
import org.stapvm.compiler.sema.ResolvedProbe;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Diagnostics;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.diag.DiagnosticReport;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;

/**
 * Lowers a CheckedProgram to a Module: one bytecode function per script function, one handler per
 * probe (begin/end/error probes in stap's order, {@link BeginEndOrder}), and an extra end handler for
 * each global written and never read, printing it ({@link GlobalsDisplay}). Code generation of one body is
 * {@link FunctionLowering}; the interned tables every body adds to are {@link ModuleTables}.
 */
public final class Lower {
    private final CheckedProgram program;
    private final Diagnostics diags;
    private final ModuleTables tables = new ModuleTables();
    private final Map<Unit, EntrySlots> entrySlots = new java.util.IdentityHashMap<>();
    private int maxStringLen = DEFAULT_MAXSTRINGLEN;
    private Map<String, String> presets = Map.of();
    /** -t: the module carries each probe's report names (Module.Timing). */
    private boolean timing;
    /** The runtime's MAXSTRINGLEN when the module has no limits section. */
    private static final int DEFAULT_MAXSTRINGLEN = Module.Limits.DEFAULTS.maxStringLen();

    private Lower(CheckedProgram program, Diagnostics diags) {
        this.program = program;
        this.diags = diags;
    }

    /**
     * Lowers and records {@code limits} (from -D MAXACTION=... etc.; null: the runtime's defaults,
     * no limits section) in the module. What cannot be translated goes to {@code diags} with its
     * position; the result is then null.
     */
    public static Module run(CheckedProgram program, Module.Limits limits, Diagnostics diags) {
        return run(program, limits, Map.of(), diags);
    }

    /**
     * As {@link #run(CheckedProgram, Module.Limits, Diagnostics)}, with {@code presets}: -G values by
     * global name, set after the globals' own initial values, as stap's module parameters are set
     * once the module's globals are initialised (a name that is no scalar global is ignored, as the
     * kernel ignores an unknown module parameter).
     */
    public static Module run(CheckedProgram program, Module.Limits limits, Map<String, String> presets, Diagnostics diags) {
        return run(program, limits, presets, false, diags);
    }

    /** As {@link #run(CheckedProgram, Module.Limits, Map, Diagnostics)}; with {@code timing} (-t) the module has the timing section. */
    public static Module run(CheckedProgram program, Module.Limits limits, Map<String, String> presets, boolean timing,
                             Diagnostics diags) {
        int before = diags.errorCount();
        Lower lower = new Lower(program, diags);
        lower.presets = presets;
        lower.timing = timing;
        Module m;
        try {
            m = lower.lower(limits);
        } catch (LowerException e) {
            // a construct the runtime has no code for yet: a limitation, told as stap tells pass-3 errors
            diags.addError(e.getMessage(), e.token(), e.pos());
            return null;
        }
        return diags.errorCount() > before ? null : m;
    }

    /** Lowers with the runtime's default limits; a script that cannot be translated is a LowerException. */
    public static Module run(CheckedProgram program) {
        return run(program, (Module.Limits) null);
    }

    /** As {@link #run(CheckedProgram, Module.Limits, Diagnostics)}, problems thrown as one LowerException. */
    public static Module run(CheckedProgram program, Module.Limits limits) {
        Diagnostics diags = new Diagnostics();
        Module m = run(program, limits, diags);
        if (m == null) {
            throw new LowerException(DiagnosticReport.pass(diags.all(), false, 3));
        }
        return m;
    }

    /** The @entry layout of a probe body (empty for functions and init/print bodies). */
    private EntrySlots entrySlots(Unit unit) {
        if (unit == null) {
            return EntrySlots.of(program, null, maxStringLen);
        }
        return entrySlots.computeIfAbsent(unit, u -> EntrySlots.of(program, u, maxStringLen));
    }

    private FunctionLowering body(Unit unit, int index) {
        return new FunctionLowering(program, tables, entrySlots(unit), unit, index, diags, maxStringLen);
    }

    private Module lower(Module.Limits limits) {
        if (limits != null) {
            maxStringLen = limits.maxStringLen();
            if (limits.maxNesting() == Module.Limits.NESTING_FROM_CALL_GRAPH) {
                limits = limits.withMaxNesting(NestingDepth.of(program));
            }
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
        List<String> names = new ArrayList<>();   // pn() of each table entry
        List<Module.Timing> timed = new ArrayList<>();   // -t's report names per table entry; none without -t
        if (program.globals().stream().anyMatch(g -> g.global() != null
                && (g.global().init() != null || presets.containsKey(g.name())))) {
            int index = functions.size();
            functions.add(body(null, index).lowerGlobalInit(program.globals(), presets));
            table.add(probe(ProbeRecord.of(ProbeKind.BEGIN, "begin"), index));
            names.add("begin");
            if (timing) {
                timed.add(new Module.Timing(Module.NO_STRING, tables.string(" from: begin")));   // stap has no such probe
            }
        }
        // A process or kernel function pattern expands to one probe per function, all with the same body:
        // they share one handler (pp() tells them apart by the probe's record), unless the body's
        // target expressions mean something else at each point ($arg1 of one mark site or another).
        Map<org.stapvm.lang.ast.Statement.Block, Integer> shared = new java.util.IdentityHashMap<>();
        Map<org.stapvm.lang.ast.Statement.Block, Integer> sharedEntry = new java.util.IdentityHashMap<>();
        List<Module.EntryProgram> entries = new ArrayList<>();
        // begin/end/error probes take their slots in stap's order: the script's in derivation order, then
        // one end probe per displayed global, sorted by priority as its translator's std::sort leaves them
        List<Object> beProbes = new ArrayList<>();
        program.probes().stream().filter(Lower::beginEndError).forEach(beProbes::add);
        beProbes.addAll(program.printAtEnd());
        java.util.Iterator<Object> beOrder = BeginEndOrder.sort(beProbes,
                o -> o instanceof Unit u ? u.probe().spec().sequence() : 0).iterator();
        List<Object> order = new ArrayList<>();
        for (Unit p : probes) {
            order.add(beginEndError(p) ? beOrder.next() : p);
        }
        beOrder.forEachRemaining(order::add);
        for (Object slot : order) {
            if (slot instanceof Variable g) {
                int index = functions.size();
                functions.add(new GlobalsDisplay(program, tables, index).lower(g));
                table.add(probe(ProbeRecord.of(ProbeKind.END, "end"), index));
                names.add("end");
                if (timing) {
                    // stap's display probe of a global is placed at the global's declaration
                    timed.add(new Module.Timing(g.global() == null ? Module.NO_STRING
                            : tables.string(location(g.global().pos())), tables.string(" from: end")));
                }
                continue;
            }
            Unit p = (Unit) slot;
            boolean share = p.probe().spec().resolvedPoint() && !p.pointSpecific();
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
                    diags.addError("@entry data of probe " + p.name() + " needs " + slots.size()
                            + " bytes, more than stapvm's runtime keeps per call (" + MAX_ENTRY_DATA + ")",
                            "keyword", p.probe().declaration().pos());
                }
                Integer entry = share ? sharedEntry.get(p.probe().body()) : null;
                if (entry == null) {
                    entry = functions.size();
                    functions.add(body(p, entry).lowerEntryProgram());
                    sharedEntry.put(p.probe().body(), entry);
                }
                entries.add(new Module.EntryProgram(table.size(), entry, slots.size()));
            }
            ProbeRecord record = syscallGated(p.probe().spec().record(), p);
            // a process function whose DWARF $vars the compiler read after its prologue is placed there
            table.add(probe(p.placement() != null ? record.at(p.placement()) : record, index));
            // pn(): the point as the script names it, a matched alias's name where pp() is what it ends at
            names.add(p.probe().listed() != null ? ResolvedProbe.text(p.probe().listed()) : p.probe().name());
            if (timing) {
                timed.add(timingNames(p.probe()));
            }
        }
        List<Integer> probeNames = tables.probeNames() ? names.stream().map(tables::string).toList() : List.of();
        return new Module(tables.strings(), tables.constants(), globals, functions,
                table, limits, tables.sourceMap(), tables.regexes(), entries, probeNames, timed);
    }

    /**
     * -t's names of a probe, as stap's report prints them: where the probe is declared, and how its
     * point was derived (" from: ALIAS" for the alias it went through, then " from: " the point as written).
     */
    private Module.Timing timingNames(ResolvedProbe p) {
        String via = p.listed() != null ? " from: " + ResolvedProbe.text(p.listed()) : "";
        return new Module.Timing(tables.string(location(p.declaration().pos())),
                tables.string(via + " from: " + ResolvedProbe.text(p.written())));
    }

    private static String location(org.stapvm.lang.ast.SourcePos pos) {
        return pos.file() + ":" + pos.line() + ":" + pos.column();
    }

    /** A process.syscall[.return] record with the one call number its body acts on, when it has one (SyscallGate). */
    private ProbeRecord syscallGated(ProbeRecord r, Unit probe) {
        if (r.kind() != ProbeKind.PROCESS_SYSCALL && r.kind() != ProbeKind.PROCESS_SYSCALL_RETURN) {
            return r;
        }
        java.util.OptionalLong nr = SyscallGate.of(probe);
        return nr.isPresent() && nr.getAsLong() >= 0 ? r.onlySyscall(nr.getAsLong()) : r;
    }

    private static boolean beginEndError(Unit p) {
        ProbeSpec.Kind k = p.probe().spec().kind();
        return k == ProbeSpec.Kind.BEGIN || k == ProbeSpec.Kind.END || k == ProbeSpec.Kind.ERROR;
    }

    /** The verifier's bound on one hit's @entry data (module.h SVM_MAX_ENTRY_DATA). */
    static final int MAX_ENTRY_DATA = 16384;

    /** One probe record of the module, its strings interned. */
    private Module.Probe probe(ProbeRecord r, int handler) {
        return new Module.Probe(r.kind().number, r.flagBits(), handler, tables.string(r.pp()), optionalString(r.symbol()),
                optionalString(r.module()), optionalString(r.path()), r.address(), r.period(), r.jitter(),
                r.semaphore());
    }

    private int optionalString(String s) {
        return s == null ? Module.NO_STRING : tables.string(s);
    }
}
