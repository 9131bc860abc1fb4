package org.stapvm.compiler.regex;

import java.util.BitSet;
import java.util.List;

/** Parsed POSIX extended regular expression. */
sealed interface Node {

    /** Any byte in the set. */
    record Bytes(BitSet set) implements Node {}

    record Concat(List<Node> parts) implements Node {
        public Concat { parts = List.copyOf(parts); }
    }

    record Alternation(List<Node> choices) implements Node {
        public Alternation { choices = List.copyOf(choices); }
    }

    /** node{min,max}; max is -1 for unbounded. */
    record Repeat(Node node, int min, int max) implements Node {}

    /** ( node ): capture group {@code index} (1 for the first '(' of the pattern). */
    record Group(int index, Node node) implements Node {}

    /** ^: only at the start of the subject. */
    record StartAnchor() implements Node {}

    /** $: only at the end of the subject. */
    record EndAnchor() implements Node {}

    /** The empty expression (an empty branch or group). */
    record Empty() implements Node {}
}
