package org.stapvm.compiler.module;

import java.util.List;

import org.stapvm.compiler.regex.Dfa;

/**
 * An in-memory stapvm module: the sections of docs/bytecode.md as plain values. Immutable.
 * {@code probeNames}: per probe, the string pn() returns; empty when the script never calls pn().
 * {@code timing}: per probe, what -t's report names it by; empty without -t.
 */
public record Module(List<String> strings, List<Long> constants, List<Global> globals, List<Function> functions,
                     List<Probe> probes, Limits limits, List<SourceLoc> sourceMap, List<Dfa> regexes,
                     List<EntryProgram> entries, List<Integer> probeNames, List<Timing> timing) {

    /** One probe's -t report names: its location string (FILE:LINE:COL; NO_STRING: not reported) and derivation. */
    public record Timing(int location, int derivation) {}

    /** A module without -t's timing section. */
    public Module(List<String> strings, List<Long> constants, List<Global> globals, List<Function> functions,
                  List<Probe> probes, Limits limits, List<SourceLoc> sourceMap, List<Dfa> regexes,
                  List<EntryProgram> entries, List<Integer> probeNames) {
        this(strings, constants, globals, functions, probes, limits, sourceMap, regexes, entries, probeNames, List.of());
    }

    public Module {
        strings = List.copyOf(strings);
        constants = List.copyOf(constants);
        globals = List.copyOf(globals);
        functions = List.copyOf(functions);
        probes = List.copyOf(probes);
        sourceMap = List.copyOf(sourceMap);
        regexes = List.copyOf(regexes);
        entries = List.copyOf(entries);
        probeNames = List.copyOf(probeNames);
        timing = List.copyOf(timing);
    }

    /** A module whose script does not call pn() (no probe names section). */
    public Module(List<String> strings, List<Long> constants, List<Global> globals, List<Function> functions,
                  List<Probe> probes, Limits limits, List<SourceLoc> sourceMap, List<Dfa> regexes,
                  List<EntryProgram> entries) {
        this(strings, constants, globals, functions, probes, limits, sourceMap, regexes, entries, List.of());
    }

    /** A module without entry programs (no @entry in a .return probe). */
    public Module(List<String> strings, List<Long> constants, List<Global> globals, List<Function> functions,
                  List<Probe> probes, Limits limits, List<SourceLoc> sourceMap, List<Dfa> regexes) {
        this(strings, constants, globals, functions, probes, limits, sourceMap, regexes, List.of());
    }

    /** A global: value type 0 int, 1 string, 2 statistic; keyTypes 0 int, 1 string. */
    public record Global(int valueType, List<Integer> keyTypes, int flags, int histogram, int size, int name,
                         int lo, int hi, int step) {
        public Global {
            keyTypes = List.copyOf(keyTypes);
        }
    }

    /** A function; ret 0 void, 1 int, 2 string. */
    public record Function(int name, int intRegs, int strRegs, int intArgs, int strArgs, int ret, int iterators,
                           long[] code) {}

    /** A string field a probe record does not have. */
    public static final int NO_STRING = -1;

    /**
     * A probe record: kind (org.stapvm.probes.ProbeKind number), flags, handler function, the pp()
     * string, the symbol, module and path strings ({@link #NO_STRING} when absent), address, period, jitter,
     * semaphore (a mark's).
     */
    public record Probe(int kind, int flags, int handler, int pp, int symbol, int module, int path, long address,
                        long period, long jitter, long semaphore) {}

    /** The entry section: probe (index into probes) runs function at each call's entry, filling dataSize bytes of @entry data. */
    public record EntryProgram(int probe, int function, int dataSize) {}

    /**
     * Limits section; null in a Module means "absent, runtime defaults". The components are
     * format.def's LIMIT rows in their order (ModuleFormat.Limit): stap's -D limits, histElision
     * (-D HIST_ELISION, zero histogram rows kept beside a non-zero one), flags (ModuleFormat.LimitFlag
     * bits), and overloadThreshold/Interval (-D STP_OVERLOAD_THRESHOLD/INTERVAL, cycles of stapvm.ko's
     * overload governor; interval 0 for none: -D STP_NO_OVERLOAD, --suppress-time-limits).
     */
    public record Limits(int maxAction, int maxStringLen, int maxMapEntries, int maxNesting, int maxErrors,
                         int maxSkipped, int histElision, int flags, long overloadThreshold, long overloadInterval) {
        /** What the runtime uses when a module has no limits section (format.def's defaults). */
        public static final Limits DEFAULTS = fromValues(defaults());
        /** maxNesting before lowering when -D does not set it: lowering computes stap's value from the call graph. */
        public static final int NESTING_FROM_CALL_GRAPH = -1;
        /** --suppress-handler-errors: a handler's runtime error is counted, not printed, and never aborts. */
        public static final int SUPPRESS_HANDLER_ERRORS = ModuleFormat.LimitFlag.SUPPRESS_HANDLER_ERRORS.bit;
        public static final int SKIP_BADVARS = ModuleFormat.LimitFlag.SKIP_BADVARS.bit;

        /** The flag that records privilege level {@code p} (none for stapdev). */
        public static int privilegeFlag(org.stapvm.compiler.sema.Privilege p) {
            return switch (p) {
                case STAPDEV -> 0;
                case STAPSYS -> ModuleFormat.LimitFlag.PRIV_STAPSYS.bit;
                case STAPUSR -> ModuleFormat.LimitFlag.PRIV_STAPUSR.bit;
            };
        }

        /** The default limits with MAXACTION .. MAXSKIPPED replaced. */
        public Limits(int maxAction, int maxStringLen, int maxMapEntries, int maxNesting, int maxErrors, int maxSkipped) {
            this(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped, DEFAULTS.histElision);
        }

        /** The default limits with MAXACTION .. HIST_ELISION replaced. */
        public Limits(int maxAction, int maxStringLen, int maxMapEntries, int maxNesting, int maxErrors, int maxSkipped,
                      int histElision) {
            this(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped, histElision, DEFAULTS.flags,
                    DEFAULTS.overloadThreshold, DEFAULTS.overloadInterval);
        }

        /** The values in the limits section's order (ModuleFormat.Limit's). */
        public List<Long> values() {
            return List.of((long) maxAction, (long) maxStringLen, (long) maxMapEntries, (long) maxNesting,
                    (long) maxErrors, (long) maxSkipped, (long) histElision, (long) flags, overloadThreshold,
                    overloadInterval);
        }

        /** The limits whose values() these are (u32 fields as Java ints, bit for bit). */
        public static Limits fromValues(List<Long> v) {
            if (v.size() != ModuleFormat.Limit.values().length) {
                throw new IllegalArgumentException(v.size() + " limit values for " + ModuleFormat.Limit.values().length + " limits");
            }
            return new Limits(v.get(0).intValue(), v.get(1).intValue(), v.get(2).intValue(), v.get(3).intValue(),
                    v.get(4).intValue(), v.get(5).intValue(), v.get(6).intValue(), v.get(7).intValue(), v.get(8), v.get(9));
        }

        private static List<Long> defaults() {
            List<Long> d = new java.util.ArrayList<>();
            for (ModuleFormat.Limit l : ModuleFormat.Limit.values()) {
                d.add(l.defaultValue);
            }
            return d;
        }

        public Limits withMaxNesting(int n) {
            return new Limits(maxAction, maxStringLen, maxMapEntries, n, maxErrors, maxSkipped, histElision, flags,
                    overloadThreshold, overloadInterval);
        }

        public Limits withFlags(int f) {
            return new Limits(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped, histElision, f,
                    overloadThreshold, overloadInterval);
        }
    }

    public record SourceLoc(int function, int pc, int text) {}
}
