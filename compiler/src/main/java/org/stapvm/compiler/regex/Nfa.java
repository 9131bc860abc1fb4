package org.stapvm.compiler.regex;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Thompson automaton built from a parsed pattern. States are numbered; each is one of: a byte
 * test, an epsilon fork, a ^ or $ assertion, or the match state.
 */
final class Nfa {
    /** Expanded bounded repeats can multiply; past this the pattern is refused. */
    static final int MAX_STATES = 20_000;

    enum Kind { BYTES, FORK, START, END, SAVE, MATCH }

    final List<Kind> kinds = new ArrayList<>();
    final List<BitSet> bytes = new ArrayList<>();
    final List<int[]> next = new ArrayList<>();
    /** SAVE states: the capture slot (2k the start of group k, 2k+1 its end); -1 for others. */
    final List<Integer> slot = new ArrayList<>();
    final int start;
    final int match;
    /** Slots the groups use: group 0 (the whole match) and one pair per '(' of the pattern. */
    final int slots;

    private Nfa(Node root) throws RegexSyntaxException {
        match = add(Kind.MATCH, null, new int[0]);
        start = save(0, build(root, save(1, match)));
        slots = 2 * (groups(root) + 1);
    }

    private static int groups(Node n) {
        if (n instanceof Node.Group g) {
            return Math.max(g.index(), groups(g.node()));
        } else if (n instanceof Node.Concat c) {
            return c.parts().stream().mapToInt(Nfa::groups).max().orElse(0);
        } else if (n instanceof Node.Alternation a) {
            return a.choices().stream().mapToInt(Nfa::groups).max().orElse(0);
        } else if (n instanceof Node.Repeat r) {
            return groups(r.node());
        }
        return 0;
    }

    private int save(int s, int then) throws RegexSyntaxException {
        int state = add(Kind.SAVE, null, new int[] {then});
        slot.set(state, s);
        return state;
    }

    static Nfa of(Node root) throws RegexSyntaxException {
        return new Nfa(root);
    }

    int size() {
        return kinds.size();
    }

    private int add(Kind kind, BitSet set, int[] targets) throws RegexSyntaxException {
        if (kinds.size() >= MAX_STATES) {
            throw new RegexSyntaxException("regular expression too big", 0);
        }
        kinds.add(kind);
        bytes.add(set);
        next.add(targets);
        slot.add(-1);
        return kinds.size() - 1;
    }

    /** Builds {@code node} so that finishing it continues at {@code then}; returns its entry. */
    private int build(Node node, int then) throws RegexSyntaxException {
        if (node instanceof Node.Bytes b) {
            return add(Kind.BYTES, b.set(), new int[] {then});
        } else if (node instanceof Node.Concat c) {
            int entry = then;
            for (int i = c.parts().size() - 1; i >= 0; i--) {
                entry = build(c.parts().get(i), entry);
            }
            return entry;
        } else if (node instanceof Node.Alternation a) {
            // two-way forks, the first choice preferred (the order matched() resolves ties by)
            int n = a.choices().size();
            int entry = build(a.choices().get(n - 1), then);
            for (int i = n - 2; i >= 0; i--) {
                int choice = build(a.choices().get(i), then);
                entry = add(Kind.FORK, null, new int[] {choice, entry});
            }
            return entry;
        } else if (node instanceof Node.Repeat r) {
            return repeat(r, then);
        } else if (node instanceof Node.Group g) {
            return save(2 * g.index(), build(g.node(), save(2 * g.index() + 1, then)));
        } else if (node instanceof Node.StartAnchor) {
            return add(Kind.START, null, new int[] {then});
        } else if (node instanceof Node.EndAnchor) {
            return add(Kind.END, null, new int[] {then});
        }
        return then; // Empty
    }

    /** x{min,max}: min required copies, then max-min optional ones (or a loop when unbounded). */
    private int repeat(Node.Repeat r, int then) throws RegexSyntaxException {
        int entry;
        if (r.max() == -1) {
            int loop = add(Kind.FORK, null, null);
            next.set(loop, new int[] {build(r.node(), loop), then});
            entry = loop;
        } else {
            entry = then;
            for (int i = r.min(); i < r.max(); i++) {
                entry = add(Kind.FORK, null, new int[] {build(r.node(), entry), then});
            }
        }
        for (int i = 0; i < r.min(); i++) {
            entry = build(r.node(), entry);
        }
        return entry;
    }
}
