package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.regex.Dfa;
import org.stapvm.compiler.regex.RegexCompiler;
import org.stapvm.compiler.regex.RegexSyntaxException;
import org.stapvm.compiler.sema.HistogramSpecs;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.ProbeSpec;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;

/**
 * Lowers a CheckedProgram to a Module: one bytecode function per script function, one handler per
 * probe (begin/end/error probes ordered by their sequence), and an extra end handler printing the
 * globals that were written and never read. Code generation of one body is {@link FunctionLowering}.
 */
public final class Lower {
    final CheckedProgram program;
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<Long, Integer> constants = new LinkedHashMap<>();
    final Map<Variable, Integer> globalIndex = new LinkedHashMap<>();
    final Map<Unit, Integer> functionIndex = new LinkedHashMap<>();
    final List<Module.SourceLoc> sourceMap = new ArrayList<>();
    private final Map<String, Integer> regexIndex = new LinkedHashMap<>();
    private final List<Dfa> regexes = new ArrayList<>();
    private final Map<Unit, EntrySlots> entrySlots = new java.util.IdentityHashMap<>();
    private int maxStringLen = DEFAULT_MAXSTRINGLEN;
    /** The runtime's MAXSTRINGLEN when the module has no limits section. */
    private static final int DEFAULT_MAXSTRINGLEN = Module.Limits.DEFAULTS.maxStringLen();

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

    int string(String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    int constant(long v) {
        return constants.computeIfAbsent(v, k -> constants.size());
    }

    /** Index of {@code pattern}'s DFA in the module's regex section (one entry per distinct pattern). */
    int regex(String pattern) {
        Integer i = regexIndex.get(pattern);
        if (i == null) {
            try {
                regexes.add(RegexCompiler.compile(pattern));
            } catch (RegexSyntaxException e) {
                throw new LowerException("regex compilation error: " + e.getMessage());
            }
            i = regexes.size() - 1;
            regexIndex.put(pattern, i);
        }
        return i;
    }

    /** The @entry layout of a probe body (empty for functions and init/print bodies). */
    EntrySlots entrySlots(Unit unit) {
        if (unit == null) {
            return EntrySlots.of(this, null, maxStringLen);
        }
        return entrySlots.computeIfAbsent(unit, u -> EntrySlots.of(this, u, maxStringLen));
    }

    Type type(Variable v) {
        return program.typeOf(v);
    }

    private Module lower(Module.Limits limits) {
        if (limits != null) {
            maxStringLen = limits.maxStringLen();
        }
        List<Module.Global> globals = new ArrayList<>();
        Map<Variable, HistogramSpecs.Spec> hist = HistogramSpecs.collect(program, Optimize::constant);
        for (Variable g : program.globals()) {
            globalIndex.put(g, globals.size());
            Type t = type(g);
            List<Type> keys = program.keyTypes().getOrDefault(g, List.of());
            List<Integer> keyTypes = keys.stream().map(k -> k == Type.STRING ? 1 : 0).toList();
            int vt = t == Type.STRING ? 1 : t == Type.STATS ? 2 : 0;
            int flags = g.global() != null && g.global().wrap() ? 1 : 0;
            int size = g.global() != null && g.global().isArray() ? (int) g.global().size() : 0;
            HistogramSpecs.Spec h = hist.getOrDefault(g, new HistogramSpecs.Spec(0, 0, 0, 0));
            globals.add(new Module.Global(vt, keyTypes, flags, h.kind(), size, string(g.name()),
                    (int) h.lo(), (int) h.hi(), (int) h.step()));
        }
        for (Unit f : program.functions()) {
            functionIndex.put(f, functionIndex.size());
        }
        List<Module.Function> functions = new ArrayList<>();
        for (Unit f : program.functions()) {
            functions.add(new FunctionLowering(this, f, functions.size()).lower());
        }
        List<Unit> probes = new ArrayList<>(program.probes());
        probes.sort(Comparator.comparingLong(u -> u.probe().spec().sequence()));
        List<Module.Probe> table = new ArrayList<>();
        if (program.globals().stream().anyMatch(g -> g.global() != null && g.global().init() != null)) {
            int index = functions.size();
            functions.add(new FunctionLowering(this, null, index).lowerGlobalInit(program.globals()));
            table.add(probe(ProbeRecord.of(ProbeKind.BEGIN, "begin"), index));
        }
        // A process or kernel function pattern expands to one probe per function, all with the same body:
        // they share one handler (pp() tells them apart by the probe's record).
        Map<org.stapvm.lang.ast.Statement.Block, Integer> shared = new java.util.IdentityHashMap<>();
        Map<org.stapvm.lang.ast.Statement.Block, Integer> sharedEntry = new java.util.IdentityHashMap<>();
        List<Module.EntryProgram> entries = new ArrayList<>();
        for (Unit p : probes) {
            boolean share = p.probe().spec().resolvedPoint();
            Integer index = share ? shared.get(p.probe().body()) : null;
            if (index == null) {
                index = functions.size();
                functions.add(new FunctionLowering(this, p, index).lower());
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
                    functions.add(new FunctionLowering(this, p, entry).lowerEntryProgram());
                    sharedEntry.put(p.probe().body(), entry);
                }
                entries.add(new Module.EntryProgram(table.size(), entry, slots.size()));
            }
            table.add(probe(p.probe().spec().record(), index));
        }
        if (!program.printAtEnd().isEmpty()) {
            int index = functions.size();
            functions.add(new FunctionLowering(this, null, index).lowerPrintAtEnd(program.printAtEnd()));
            table.add(probe(ProbeRecord.of(ProbeKind.END, "end"), index));
        }
        return new Module(List.copyOf(strings.keySet()), List.copyOf(constants.keySet()), globals, functions,
                table, limits, sourceMap, regexes, entries);
    }

    /** The verifier's bound on one hit's @entry data (module.h SVM_MAX_ENTRY_DATA). */
    static final int MAX_ENTRY_DATA = 16384;

    /** One probe record of the module, its strings interned. */
    private Module.Probe probe(ProbeRecord r, int handler) {
        return new Module.Probe(r.kind().number, r.flagBits(), handler, string(r.pp()), optionalString(r.symbol()),
                optionalString(r.module()), optionalString(r.path()), r.address(), r.period(), r.jitter());
    }

    private int optionalString(String s) {
        return s == null ? Module.NO_STRING : string(s);
    }
}
