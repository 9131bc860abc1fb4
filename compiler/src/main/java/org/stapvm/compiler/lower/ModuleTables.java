package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.regex.Dfa;
import org.stapvm.compiler.regex.RegexCompiler;
import org.stapvm.compiler.regex.RegexSyntaxException;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.compiler.sema.Variable;

/**
 * The module-wide tables code refers to by index: interned strings, 64-bit constants and regex
 * DFAs (one entry per distinct value), the global and function layouts, and the source map.
 * {@link Lower} fills the layouts; each body's lowering is handed this value and only adds to it.
 */
final class ModuleTables {
    private final Map<String, Integer> strings = new LinkedHashMap<>();
    private final Map<Long, Integer> constants = new LinkedHashMap<>();
    private final Map<String, Integer> regexIndex = new LinkedHashMap<>();
    private final List<Dfa> regexes = new ArrayList<>();
    private boolean groups;
    private boolean probeNames;
    private final Map<Variable, Integer> globals = new LinkedHashMap<>();
    private final Map<Unit, Integer> functions = new LinkedHashMap<>();
    private final List<Module.SourceLoc> sourceMap = new ArrayList<>();

    int string(String s) {
        return strings.computeIfAbsent(s, k -> strings.size());
    }

    int constant(long v) {
        return constants.computeIfAbsent(v, k -> constants.size());
    }

    /** Index of {@code pattern}'s DFA in the module's regex section. */
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

    /** The script calls matched() or ngroups(): every regex carries its capture program. */
    void wantGroups() {
        groups = true;
    }

    /** The script calls pn(): the module carries each probe's script-level name. */
    void wantProbeNames() {
        probeNames = true;
    }

    boolean probeNames() {
        return probeNames;
    }

    void addGlobal(Variable g) {
        globals.put(g, globals.size());
    }

    int global(Variable g) {
        return globals.get(g);
    }

    void addFunction(Unit f) {
        functions.put(f, functions.size());
    }

    int function(Unit f) {
        return functions.get(f);
    }

    /** Names the script location of the instruction at {@code pc} of {@code function}, for runtime errors. */
    void sourceLoc(int function, int pc, String text) {
        sourceMap.add(new Module.SourceLoc(function, pc, string(text)));
    }

    List<String> strings() {
        return List.copyOf(strings.keySet());
    }

    List<Long> constants() {
        return List.copyOf(constants.keySet());
    }

    List<Dfa> regexes() {
        if (!groups) {
            return List.copyOf(regexes);
        }
        List<Dfa> out = new ArrayList<>();
        for (String pattern : regexIndex.keySet()) {
            try {
                out.add(RegexCompiler.compileWithGroups(pattern));
            } catch (RegexSyntaxException e) {
                throw new LowerException("regex compilation error: " + e.getMessage());
            }
        }
        return out;
    }

    List<Module.SourceLoc> sourceMap() {
        return List.copyOf(sourceMap);
    }
}
