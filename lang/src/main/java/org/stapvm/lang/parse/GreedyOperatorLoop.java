package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.LoopEndState;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PrecedencePredicateTransition;
import org.antlr.v4.runtime.atn.StarLoopEntryState;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Decides the operator loop of a left-recursive rule (the grammar's {@code expression}) from the
 * next token alone, greedily, as stap's recursive-descent parser does: the expression goes on when
 * the token starts an operator allowed at the current precedence, and ends otherwise.
 *
 * <p>ANTLR's own prediction is correct but quadratic here: a statement needs no ';', so after
 * {@code x = 1} the {@code + 1} may also start the next statement. That ambiguity is only found
 * where both readings meet again, at the end of the block, so every operator of an N-term chain
 * looked ahead over the rest of it (20,000 terms: 1.6 s). Both readings parse, ANTLR would pick
 * the first alternative (go on), and so does this, in constant time.
 */
final class GreedyOperatorLoop extends ParserATNSimulator {
    /** One operator alternative of the loop: its precedence predicate and the tokens it starts with. */
    private record Suffix(int precedence, IntervalSet first) {
    }

    /** What is known of one precedence loop decision. */
    private record Loop(int enterAlt, int exitAlt, List<Suffix> suffixes) {
    }

    /** Indexed by decision number; null for every decision ANTLR predicts itself. */
    private final Loop[] loops;

    GreedyOperatorLoop(Parser parser) {
        super(parser, parser.getATN(), parser.getInterpreter().decisionToDFA,
                parser.getInterpreter().getSharedContextCache());
        ATN atn = parser.getATN();
        loops = new Loop[atn.getNumberOfDecisions()];
        for (int d = 0; d < loops.length; d++) {
            DecisionState state = atn.getDecisionState(d);
            if (state instanceof StarLoopEntryState entry && entry.isPrecedenceDecision) {
                loops[d] = loop(atn, entry);
            }
        }
    }

    @Override
    public int adaptivePredict(TokenStream input, int decision, ParserRuleContext outerContext) {
        Loop loop = loops[decision];
        if (loop == null) {
            return super.adaptivePredict(input, decision, outerContext);
        }
        int next = input.LA(1);
        for (Suffix s : loop.suffixes) {
            if (s.first.contains(next) && parser.precpred(outerContext, s.precedence)) {
                return loop.enterAlt;
            }
        }
        return loop.exitAlt;
    }

    /** The loop's two alternatives (enter the operator block, leave) and the block's operators. */
    private static Loop loop(ATN atn, StarLoopEntryState entry) {
        if (entry.getNumberOfTransitions() != 2) {
            throw new IllegalStateException("precedence loop " + entry.decision + ": not two alternatives");
        }
        int exit = entry.transition(0).target instanceof LoopEndState ? 0 : 1;
        ATNState block = entry.transition(1 - exit).target;
        List<Suffix> suffixes = new ArrayList<>();
        for (Transition alt : block.getTransitions()) {
            suffixes.add(suffix(atn, alt.target, entry.decision));
        }
        return new Loop(2 - exit, exit + 1, List.copyOf(suffixes));
    }

    /** Follows one operator alternative's epsilon steps to its precedence predicate; what follows it is its start. */
    private static Suffix suffix(ATN atn, ATNState s, int decision) {
        for (int steps = 0; steps < 8 && s.getNumberOfTransitions() == 1; steps++) {
            Transition t = s.transition(0);
            if (t instanceof PrecedencePredicateTransition p) {
                return new Suffix(p.precedence, atn.nextTokens(p.target));
            }
            if (!t.isEpsilon()) {
                break;
            }
            s = t.target;
        }
        throw new IllegalStateException("precedence loop " + decision + ": an alternative without its precedence predicate");
    }
}
