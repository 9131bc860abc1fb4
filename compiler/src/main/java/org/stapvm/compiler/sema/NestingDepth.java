package org.stapvm.compiler.sema;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The MAXNESTING stap 4.8's translator writes into its module when -D does not set it, from the
 * call graph. Without recursion it is the deepest chain of function frames below a probe (at
 * least 1; a tapset function such as strlen or exit is a frame, the print family is not). With
 * recursion it is 12 + max(p, c): p the most frames a probe passes through before it enters a
 * recursive function, c the size of the largest recursive group (a self-recursive function: 1,
 * a pair of mutually recursive ones: 2). So one recursive function called from a probe gets 13
 * (13 frames: depth(12) of `depth(n) = 1 + depth(n - 1)` works, depth(13) does not). The rule
 * was read off `stap -p3 -k` builds (the `#define MAXNESTING` of the generated source).
 */
public final class NestingDepth {
    /** Frames stap adds on top of the recursive part of the call graph. */
    private static final int RECURSION_ALLOWANCE = 12;

    private final Map<Unit, List<Unit>> callees = new IdentityHashMap<>();
    private final Map<Unit, Boolean> callsTapsetNative = new IdentityHashMap<>();
    private final Map<Unit, Integer> group = new IdentityHashMap<>();
    private final Map<Integer, Integer> groupSize = new HashMap<>();
    private final Set<Unit> recursive = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    private NestingDepth() {}

    public static int of(CheckedProgram program) {
        NestingDepth d = new NestingDepth();
        for (Unit p : program.probes()) {
            d.collect(p);
        }
        d.findRecursion();
        return d.limit(program.probes());
    }

    private void collect(Unit u) {
        if (callees.containsKey(u)) {
            return;
        }
        Set<Unit> out = new LinkedHashSet<>();
        boolean nativeCall = false;
        for (Callee c : u.calls().values()) {
            if (c instanceof Callee.Script s) {
                out.addAll(s.overloads());
            } else if (c instanceof Callee.Native n && n.builtin().shape() == Builtins.Shape.FIXED) {
                nativeCall = true;
            }
        }
        callees.put(u, new ArrayList<>(out));
        callsTapsetNative.put(u, nativeCall);
        for (Unit f : out) {
            collect(f);
        }
    }

    /** Tarjan's strongly connected components: a group of 2 or more, or a self-call, is recursive. */
    private void findRecursion() {
        Map<Unit, Integer> index = new IdentityHashMap<>();
        Map<Unit, Integer> low = new IdentityHashMap<>();
        Deque<Unit> stack = new ArrayDeque<>();
        Set<Unit> onStack = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        for (Unit u : callees.keySet()) {
            if (!index.containsKey(u)) {
                strongConnect(u, index, low, stack, onStack);
            }
        }
        for (Unit u : callees.keySet()) {
            if (groupSize.get(group.get(u)) > 1 || callees.get(u).contains(u)) {
                recursive.add(u);
            }
        }
    }

    private void strongConnect(Unit u, Map<Unit, Integer> index, Map<Unit, Integer> low, Deque<Unit> stack,
                               Set<Unit> onStack) {
        index.put(u, index.size());
        low.put(u, index.get(u));
        stack.push(u);
        onStack.add(u);
        for (Unit v : callees.get(u)) {
            if (!index.containsKey(v)) {
                strongConnect(v, index, low, stack, onStack);
                low.put(u, Math.min(low.get(u), low.get(v)));
            } else if (onStack.contains(v)) {
                low.put(u, Math.min(low.get(u), index.get(v)));
            }
        }
        if (low.get(u).equals(index.get(u))) {
            int id = groupSize.size();
            int n = 0;
            Unit w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.put(w, id);
                n++;
            } while (w != u);
            groupSize.put(id, n);
        }
    }

    private int limit(List<Unit> probes) {
        int frames = 0;
        int prefix = -1;
        Map<Unit, Integer> depthMemo = new IdentityHashMap<>();
        Map<Unit, Integer> prefixMemo = new IdentityHashMap<>();
        for (Unit p : probes) {
            frames = Math.max(frames, below(p, depthMemo));
            prefix = Math.max(prefix, prefixBelow(p, prefixMemo));
        }
        if (prefix < 0) {
            return Math.max(1, frames);
        }
        int largestGroup = 0;
        for (Unit u : recursive) {
            largestGroup = Math.max(largestGroup, groupSize.get(group.get(u)));
        }
        return Math.max(frames, RECURSION_ALLOWANCE + Math.max(prefix, largestGroup));
    }

    /** Frames below u's own: its deepest callee chain, a recursive function counted once. */
    private int below(Unit u, Map<Unit, Integer> memo) {
        Integer known = memo.get(u);
        if (known != null) {
            return known;
        }
        memo.put(u, 0);
        int deepest = callsTapsetNative.get(u) ? 1 : 0;
        for (Unit v : callees.get(u)) {
            deepest = Math.max(deepest, 1 + (recursive.contains(v) ? 0 : below(v, memo)));
        }
        memo.put(u, deepest);
        return deepest;
    }

    /** Frames u's callees pass through before entering a recursive function; -1 when none is reached. */
    private int prefixBelow(Unit u, Map<Unit, Integer> memo) {
        Integer known = memo.get(u);
        if (known != null) {
            return known;
        }
        memo.put(u, -1);
        int best = -1;
        for (Unit v : callees.get(u)) {
            if (recursive.contains(v)) {
                best = Math.max(best, 0);
            } else {
                int p = prefixBelow(v, memo);
                if (p >= 0) {
                    best = Math.max(best, 1 + p);
                }
            }
        }
        memo.put(u, best);
        return best;
    }
}
