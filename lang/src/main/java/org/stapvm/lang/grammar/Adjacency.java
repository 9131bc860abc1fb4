package org.stapvm.lang.grammar;

import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;

/** StapParser's one predicate: whether the next token is written right after the previous one, with no blank between. */
final class Adjacency {
    private Adjacency() {}

    /**
     * True when LT(1) starts where LT(-1) ends in the same text; tokens that came from elsewhere
     * (a macro body, a script argument) count as touching, as they did before blanks were looked at.
     */
    static boolean touchesPrevious(TokenStream input) {
        Token prev = input.LT(-1), next = input.LT(1);
        if (prev == null || next == null || prev.getStartIndex() < 0 || next.getStartIndex() < 0
                || prev.getTokenSource() != next.getTokenSource() || prev.getInputStream() != next.getInputStream()) {
            return true;
        }
        return next.getStartIndex() == prev.getStopIndex() + 1;
    }
}
