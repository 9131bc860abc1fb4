package org.stapvm.compiler.regex;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A pattern's capture program, for matched() and ngroups(): its Thompson automaton as instructions
 * the interpreter simulates in lockstep (regex_groups.c), with SAVE instructions recording where each
 * group starts and ends. Instruction 0 is the start; a FORK prefers {@code n1}. The module's
 * "regex groups" section carries one per regex when the script asks for groups.
 */
public record CaptureProgram(int slots, byte[] op, int[] slot, int[] set, int[] n1, int[] n2, List<BitSet> sets) {
    public static final byte BYTE = 0, FORK = 1, BOL = 2, EOL = 3, SAVE = 4, MATCH = 5;
    /** The interpreter's bounds (module.h SVM_RX_MAXINSN, SVM_RX_MAXSLOTS, SVM_RX_MAXCELLS). */
    static final int MAX_INSNS = 4096, MAX_SLOTS = 64, MAX_CELLS = 65536;

    public CaptureProgram {
        sets = List.copyOf(sets);
    }

    public int size() {
        return op.length;
    }

    static CaptureProgram of(Nfa nfa) throws RegexSyntaxException {
        return new Builder(nfa).build();
    }

    private static final class Builder {
        private final Nfa nfa;
        private final Map<Integer, Integer> pcOf = new HashMap<>();
        private final List<Integer> order = new ArrayList<>();
        private final List<int[]> insns = new ArrayList<>();   // op, slot, set, n1, n2
        private final List<BitSet> sets = new ArrayList<>();

        Builder(Nfa nfa) {
            this.nfa = nfa;
        }

        CaptureProgram build() throws RegexSyntaxException {
            if (nfa.slots > MAX_SLOTS) {
                throw new RegexSyntaxException("too many groups for matched() (at most " + (MAX_SLOTS / 2 - 1) + ")", 0);
            }
            // number the reachable states from the start, so the start is instruction 0
            Deque<Integer> work = new ArrayDeque<>();
            pc(nfa.start, work);
            while (!work.isEmpty()) {
                for (int t : nfa.next.get(work.pop())) {
                    pc(t, work);
                }
            }
            for (int s : order) {
                insns.add(insn(s));
            }
            if (insns.size() > MAX_INSNS || (long) insns.size() * (nfa.slots + 1) > MAX_CELLS) {
                throw new RegexSyntaxException("regular expression too big for matched()", 0);
            }
            int n = insns.size();
            byte[] op = new byte[n];
            int[] slot = new int[n], set = new int[n], n1 = new int[n], n2 = new int[n];
            for (int i = 0; i < n; i++) {
                int[] x = insns.get(i);
                op[i] = (byte) x[0];
                slot[i] = x[1];
                set[i] = x[2];
                n1[i] = x[3];
                n2[i] = x[4];
            }
            return new CaptureProgram(nfa.slots, op, slot, set, n1, n2, sets);
        }

        private void pc(int state, Deque<Integer> work) {
            if (!pcOf.containsKey(state)) {
                pcOf.put(state, order.size());
                order.add(state);
                work.add(state);
            }
        }

        private int[] insn(int s) {
            int[] next = nfa.next.get(s);
            return switch (nfa.kinds.get(s)) {
                case BYTES -> new int[] {BYTE, 0, set(nfa.bytes.get(s)), pcOf.get(next[0]), 0};
                case START -> new int[] {BOL, 0, 0, pcOf.get(next[0]), 0};
                case END -> new int[] {EOL, 0, 0, pcOf.get(next[0]), 0};
                case SAVE -> new int[] {SAVE, nfa.slot.get(s), 0, pcOf.get(next[0]), 0};
                case MATCH -> new int[] {MATCH, 0, 0, 0, 0};
                case FORK -> fork(next);
            };
        }

        /** Nfa forks have one or two choices, the first preferred. */
        private int[] fork(int[] next) {
            int first = pcOf.get(next[0]);
            return new int[] {FORK, 0, 0, first, next.length > 1 ? pcOf.get(next[1]) : first};
        }

        private int set(BitSet b) {
            int i = sets.indexOf(b);
            if (i < 0) {
                sets.add(b);
                i = sets.size() - 1;
            }
            return i;
        }
    }
}
