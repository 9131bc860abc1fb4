package org.stapvm.compiler.module;

import java.util.List;

import org.stapvm.compiler.regex.Dfa;

/** An in-memory stapvm module: the sections of docs/bytecode.md as plain values. Immutable. */
public record Module(List<String> strings, List<Long> constants, List<Global> globals, List<Function> functions,
                     List<Probe> probes, Limits limits, List<SourceLoc> sourceMap, List<Dfa> regexes,
                     List<EntryProgram> entries) {

    public Module {
        strings = List.copyOf(strings);
        constants = List.copyOf(constants);
        globals = List.copyOf(globals);
        functions = List.copyOf(functions);
        probes = List.copyOf(probes);
        sourceMap = List.copyOf(sourceMap);
        regexes = List.copyOf(regexes);
        entries = List.copyOf(entries);
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

    public record Probe(int descriptor, int handler) {}

    /** The entry section: probe (index into probes) runs function at each call's entry, filling dataSize bytes of @entry data. */
    public record EntryProgram(int probe, int function, int dataSize) {}

    /**
     * Limits section; null in a Module means "absent, runtime defaults". histElision is stap's
     * -D HIST_ELISION (zero histogram rows kept beside a non-zero one) and flags the session's
     * switches (SUPPRESS_HANDLER_ERRORS), the section's optional last fields.
     */
    public record Limits(int maxAction, int maxStringLen, int maxMapEntries, int maxNesting, int maxErrors,
                         int maxSkipped, int histElision, int flags) {
        /** maxNesting before lowering when -D does not set it: lowering computes stap's value from the call graph. */
        public static final int NESTING_FROM_CALL_GRAPH = -1;
        /** stap's HIST_ELISION default. */
        public static final int HIST_ELISION = 2;
        /** --suppress-handler-errors: a handler's runtime error is counted, not printed, and never aborts. */
        public static final int SUPPRESS_HANDLER_ERRORS = 1;

        public Limits(int maxAction, int maxStringLen, int maxMapEntries, int maxNesting, int maxErrors, int maxSkipped) {
            this(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped, HIST_ELISION, 0);
        }

        public Limits withMaxNesting(int n) {
            return new Limits(maxAction, maxStringLen, maxMapEntries, n, maxErrors, maxSkipped, histElision, flags);
        }

        public Limits withFlags(int f) {
            return new Limits(maxAction, maxStringLen, maxMapEntries, maxNesting, maxErrors, maxSkipped, histElision, f);
        }
    }

    public record SourceLoc(int function, int pc, int text) {}
}
