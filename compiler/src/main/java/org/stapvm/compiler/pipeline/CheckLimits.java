package org.stapvm.compiler.pipeline;

import java.util.List;
import java.util.Map;
import org.stapvm.compiler.lower.Optimize;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Diagnostics;
import org.stapvm.compiler.sema.HistogramSpecs;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Variable;
import org.stapvm.lang.ast.SourcePos;

/**
 * What stap accepts but the stapvm runtimes cannot hold, told before lowering sizes code by it:
 * -D limits outside the verifier's ranges (runtime-native/vm/verify.c check_limits), arrays
 * larger or with more keys than a global can have, and linear histograms the verifier refuses.
 * Each message names the limit, so the user knows what to change.
 */
final class CheckLimits {
    private CheckLimits() {}

    /** verify.c check_limits and check_tables. */
    static final int MIN_STRINGLEN = 2, MAX_STRINGLEN = 4096;
    static final int MAX_NESTING = 256;
    static final int MAX_MAPENTRIES = 1 << 20;
    /** bytecode.h SVM_MAXKEYS. */
    static final int MAX_KEYS = 9;
    /** verify.c: at most this many buckets between lo and hi. */
    static final int MAX_LINEAR_BUCKETS = 1000;

    static void run(CheckedProgram program, Module.Limits limits, Diagnostics diags) {
        if (limits != null) {
            range(diags, "MAXSTRINGLEN", limits.maxStringLen(), MIN_STRINGLEN, MAX_STRINGLEN);
            if (limits.maxNesting() != Module.Limits.NESTING_FROM_CALL_GRAPH) {   // else lowering computes it
                range(diags, "MAXNESTING", limits.maxNesting(), 1, MAX_NESTING);
            }
            range(diags, "MAXMAPENTRIES", limits.maxMapEntries(), 1, MAX_MAPENTRIES);
            range(diags, "MAXACTION", limits.maxAction(), 1, Integer.MAX_VALUE);
        }
        Map<Variable, HistogramSpecs.Spec> hist = HistogramSpecs.collect(program, Optimize::constant);
        for (Variable g : program.globals()) {
            SourcePos at = g.global() == null ? null : diags.namePos(g.global().pos(), "global", g.name());
            String token = at == null ? null : "identifier '" + g.name() + "'";
            if (g.global() != null && g.global().isArray() && g.global().size() > MAX_MAPENTRIES) {
                diags.addError("array size " + g.global().size() + " is more than stapvm's runtime can hold ("
                        + MAX_MAPENTRIES + " entries)", token, at);
            }
            List<Type> keys = program.keyTypes().getOrDefault(g, List.of());
            if (keys.size() > MAX_KEYS) {
                diags.addError("array '" + g.name() + "' has " + keys.size()
                        + " index expressions, more than stapvm's runtime allows (" + MAX_KEYS + ")", token, at);
            }
            HistogramSpecs.Spec h = hist.get(g);
            if (h != null && h.kind() == 1) {
                long span = h.hi() - h.lo();
                if (h.step() <= 0 || span <= 0 || span / h.step() > MAX_LINEAR_BUCKETS) {
                    diags.addError("@hist_linear(" + g.name() + ", " + h.lo() + ", " + h.hi() + ", " + h.step()
                            + "): stapvm's runtime needs a positive bucket width, low below high and at most "
                            + MAX_LINEAR_BUCKETS + " buckets", token, at);
                }
            }
        }
    }

    private static void range(Diagnostics diags, String name, long value, long lo, long hi) {
        if (value < lo || value > hi) {
            String bound = hi == Integer.MAX_VALUE ? "at least " + lo : "from " + lo + " to " + hi;
            diags.addError("-D " + name + "=" + value + ": stapvm's runtime supports " + name + " " + bound,
                    null, null);
        }
    }
}
