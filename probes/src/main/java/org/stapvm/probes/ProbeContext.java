package org.stapvm.probes;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.diag.Similar;

/**
 * What a family resolves a point against: the target, and the root names stap suggests for a
 * mistyped one (the families' own, then those of the script's and the tapsets' probe aliases).
 */
public record ProbeContext(ProbeTarget target, List<String> nativeRoots, List<String> aliasRoots) {
    public ProbeContext {
        nativeRoots = List.copyOf(nativeRoots);
        aliasRoots = List.copyOf(aliasRoots);
    }

    /** stap's message for a root (or a root's argument) no family takes. */
    public String rootMismatch(String name) {
        List<String> all = new ArrayList<>(nativeRoots);
        all.addAll(aliasRoots);
        return "probe point mismatch" + Similar.clause(name, all);
    }
}
