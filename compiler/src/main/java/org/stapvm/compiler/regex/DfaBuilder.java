package org.stapvm.compiler.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Subset construction for unanchored search: every position may start a new match attempt, so
 * each step adds the start closure back in. '^' is followed only in the first state (position 0);
 * '$' is resolved when the subject ends (ACCEPT_AT_END).
 */
final class DfaBuilder {
    /** The table is part of the module, so its size is bounded. */
    static final int MAX_STATES = 4096;

    private final Nfa nfa;
    private final int[] byteClass = new int[256];
    private final List<Integer> classRepresentative = new ArrayList<>();
    private final Map<Key, Integer> ids = new HashMap<>();
    private final List<BitSet> sets = new ArrayList<>();
    private final List<Boolean> initial = new ArrayList<>();
    private final BitSet restart;

    /** A DFA state is its NFA state set, plus whether it stands for position 0. */
    private record Key(BitSet set, boolean initial) {}

    private DfaBuilder(Nfa nfa) {
        this.nfa = nfa;
        this.restart = closure(single(nfa.start), false);
        computeByteClasses();
    }

    static Dfa build(Nfa nfa) throws RegexSyntaxException {
        return new DfaBuilder(nfa).run();
    }

    private Dfa run() throws RegexSyntaxException {
        int classes = classRepresentative.size();
        List<int[]> rows = new ArrayList<>();
        Deque<Integer> work = new ArrayDeque<>();
        work.add(intern(closure(single(nfa.start), true), true));
        while (!work.isEmpty()) {
            int id = work.poll();
            int[] row = new int[classes];
            BitSet set = sets.get(id);
            for (int c = 0; c < classes; c++) {
                if (set.get(nfa.match)) {
                    row[c] = id; // a match was seen: stay
                    continue;
                }
                BitSet moved = step(set, classRepresentative.get(c));
                moved.or(restart);
                int before = sets.size();
                row[c] = intern(moved, false);
                if (sets.size() > before) {
                    work.add(row[c]);
                }
            }
            while (rows.size() <= id) {
                rows.add(null);
            }
            rows.set(id, row);
        }
        int[] next = new int[sets.size() * classes];
        byte[] flags = new byte[sets.size()];
        for (int s = 0; s < sets.size(); s++) {
            System.arraycopy(rows.get(s), 0, next, s * classes, classes);
            flags[s] = flags(s);
        }
        return new Dfa(byteClass, classes, next, flags);
    }

    private byte flags(int s) {
        BitSet set = sets.get(s);
        if (set.get(nfa.match)) {
            return Dfa.ACCEPT;
        }
        BitSet atEnd = endClosure(set, initial.get(s));
        return atEnd.get(nfa.match) ? Dfa.ACCEPT_AT_END : 0;
    }

    private int intern(BitSet set, boolean isInitial) throws RegexSyntaxException {
        Key key = new Key(set, isInitial);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (sets.size() >= MAX_STATES) {
            throw new RegexSyntaxException("regular expression too complex (over " + MAX_STATES + " states)", 0);
        }
        ids.put(key, sets.size());
        sets.add(set);
        initial.add(isInitial);
        return sets.size() - 1;
    }

    private BitSet step(BitSet set, int b) {
        BitSet moved = new BitSet();
        for (int s = set.nextSetBit(0); s >= 0; s = set.nextSetBit(s + 1)) {
            if (nfa.kinds.get(s) == Nfa.Kind.BYTES && nfa.bytes.get(s).get(b)) {
                moved.set(nfa.next.get(s)[0]);
            }
        }
        return closure(moved, false);
    }

    /** States reachable by epsilon moves; '^' is passed only at position 0. '$' states stay pending. */
    private BitSet closure(BitSet from, boolean atStart) {
        return reach(from, atStart, false);
    }

    /** States reachable when the subject ends here: '$' is passed too. */
    private BitSet endClosure(BitSet from, boolean atStart) {
        return reach(from, atStart, true);
    }

    private BitSet reach(BitSet from, boolean atStart, boolean atEnd) {
        BitSet seen = (BitSet) from.clone();
        Deque<Integer> work = new ArrayDeque<>();
        from.stream().forEach(work::add);
        while (!work.isEmpty()) {
            int s = work.pop();
            Nfa.Kind kind = nfa.kinds.get(s);
            boolean passes = kind == Nfa.Kind.FORK || kind == Nfa.Kind.SAVE || (kind == Nfa.Kind.START && atStart)
                    || (kind == Nfa.Kind.END && atEnd);
            if (!passes) {
                continue;
            }
            for (int t : nfa.next.get(s)) {
                if (!seen.get(t)) {
                    seen.set(t);
                    work.push(t);
                }
            }
        }
        return seen;
    }

    private static BitSet single(int s) {
        BitSet set = new BitSet();
        set.set(s);
        return set;
    }

    /** Bytes that every byte test treats alike share a class, so rows have one column per class. */
    private void computeByteClasses() {
        Map<String, Integer> bySignature = new HashMap<>();
        for (int b = 0; b < 256; b++) {
            StringBuilder signature = new StringBuilder();
            for (int s = 0; s < nfa.size(); s++) {
                if (nfa.kinds.get(s) == Nfa.Kind.BYTES) {
                    signature.append(nfa.bytes.get(s).get(b) ? '1' : '0');
                }
            }
            Integer c = bySignature.get(signature.toString());
            if (c == null) {
                c = classRepresentative.size();
                bySignature.put(signature.toString(), c);
                classRepresentative.add(b);
            }
            byteClass[b] = c;
        }
    }
}
