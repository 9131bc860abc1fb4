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

    enum Kind { BYTES, FORK, START, END, MATCH }

    final List<Kind> kinds = new ArrayList<>();
    final List<BitSet> bytes = new ArrayList<>();
    final List<int[]> next = new ArrayList<>();
    final int start;
    final int match;

    private Nfa(Node root) throws RegexSyntaxException {
        match = add(Kind.MATCH, null, new int[0]);
        start = build(root, match);
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
            int[] entries = new int[a.choices().size()];
            for (int i = 0; i < entries.length; i++) {
                entries[i] = build(a.choices().get(i), then);
            }
            return add(Kind.FORK, null, entries);
        } else if (node instanceof Node.Repeat r) {
            return repeat(r, then);
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
