package org.stapvm.lang.pp;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.grammar.StapLexer;
import org.stapvm.lang.pp.ConditionEvaluator.Verdict;

/**
 * The second preprocessor layer (stap's scan_pp) over one file: keeps the chosen branch of each
 * {@code %( COND %? THEN [%: ELSE] %)}, reading tokens through the {@link MacroExpander}.
 * A malformed conditional is reported and dropped whole; one left open at the end of the file
 * is dropped too.
 */
final class ConditionalPass {
    private enum State { KEEP_THEN, SKIP_THEN, KEEP_ELSE, SKIP_ELSE }

    /** An open conditional: its %( token, which branch is being read, and where its output began. */
    private static final class Frame {
        final Token open;
        final int outputMark;
        State state;

        Frame(Token open, State state, int outputMark) {
            this.open = open;
            this.state = state;
            this.outputMark = outputMark;
        }
    }

    private final MacroExpander expander;
    private final ConditionEvaluator evaluator;
    private final Reporter reporter;
    private final List<Frame> frames = new ArrayList<>();
    private final List<Token> output = new ArrayList<>();

    ConditionalPass(MacroExpander expander, ConditionEvaluator evaluator, Reporter reporter) {
        this.expander = expander;
        this.evaluator = evaluator;
        this.reporter = reporter;
    }

    List<Token> run() {
        while (true) {
            Frame frame = frames.isEmpty() ? null : frames.get(frames.size() - 1);
            boolean skipping = frame != null && (frame.state == State.SKIP_THEN || frame.state == State.SKIP_ELSE);
            Token t = skipping ? skipBranch() : expander.next(false);
            if (t == null) {
                dropUnterminated();
                return output;
            }
            switch (t.getType()) {
                case StapLexer.PP_THEN -> reporter.error("incomplete conditional - missing '%('", t);
                case StapLexer.PP_ELSE -> elseMarker(frame, t);
                case StapLexer.PP_CLOSE -> {
                    if (frame == null) {
                        reporter.error("incomplete conditional - missing '%('", t);
                    } else {
                        frames.remove(frames.size() - 1);
                    }
                }
                case StapLexer.PP_OPEN -> open(t);
                default -> output.add(t);
            }
        }
    }

    private void elseMarker(Frame frame, Token t) {
        if (frame == null) {
            reporter.error("incomplete conditional - missing '%('", t);
        } else if (frame.state == State.KEEP_ELSE || frame.state == State.SKIP_ELSE) {
            reporter.error("invalid conditional - duplicate '%:'", t);
        } else {
            frame.state = frame.state == State.KEEP_THEN ? State.SKIP_ELSE : State.KEEP_ELSE;
        }
    }

    /**
     * Reads the condition after {@code open}: comparisons joined by && and ||, && binding tighter,
     * every comparison evaluated (so each can report its error), then %?.
     */
    private void open(Token open) {
        ConditionTokens in = new ConditionTokens();
        boolean result = false;
        boolean conjunction = true;
        Token next;
        while (true) {
            Token l = in.next();
            Token op = in.next();
            Token r = in.next();
            if (l == null || op == null || r == null) {
                reporter.error("incomplete condition after '%('", open);
                return;
            }
            Verdict verdict = evaluator.evaluate(l, op, r);
            if (verdict.failed()) {
                reporter.error(verdict.error(), verdict.at());
                in.skipRest();
                return;
            }
            conjunction &= verdict.value();
            next = in.next();
            if (Tokens.is(next, StapLexer.ANDAND)) {
                continue;
            }
            result |= conjunction;
            conjunction = true;
            if (!Tokens.is(next, StapLexer.OROR)) {
                break;
            }
        }
        if (!Tokens.is(next, StapLexer.PP_THEN)) {
            reporter.error("expected '%?' marker for conditional", open);
            in.skipRest();
            return;
        }
        frames.add(new Frame(open, result ? State.KEEP_THEN : State.SKIP_THEN, output.size()));
    }

    /** Condition tokens, counting %( and %) among them so a bad conditional can be skipped to its end. */
    private final class ConditionTokens {
        private int depth = 1;

        Token next() {
            Token t = expander.next(false);
            depth += Tokens.is(t, StapLexer.PP_OPEN) ? 1 : Tokens.is(t, StapLexer.PP_CLOSE) ? -1 : 0;
            return t;
        }

        /** Drops the rest of the conditional, through its %), with errors in it muted. */
        void skipRest() {
            while (depth > 0) {
                Token t = expander.next(true);
                if (t == null) {
                    return;
                }
                depth += Tokens.is(t, StapLexer.PP_OPEN) ? 1 : Tokens.is(t, StapLexer.PP_CLOSE) ? -1 : 0;
            }
        }
    }

    /** Skips an unchosen branch up to the %:, %? or %) that ends it (nested conditionals are skipped whole). */
    private Token skipBranch() {
        int nesting = 0;
        for (Token t = expander.next(true); t != null; t = expander.next(true)) {
            int type = t.getType();
            if (type == StapLexer.PP_OPEN) {
                nesting++;
            } else if (type == StapLexer.PP_CLOSE && nesting > 0) {
                nesting--;
            } else if (nesting == 0
                    && (type == StapLexer.PP_ELSE || type == StapLexer.PP_THEN || type == StapLexer.PP_CLOSE)) {
                return t;
            }
        }
        return null;
    }

    /** At the end of input: reports each open conditional, innermost first, and drops their output. */
    private void dropUnterminated() {
        for (int i = frames.size() - 1; i >= 0; i--) {
            reporter.error("incomplete conditional at end of file", frames.get(i).open);
        }
        if (!frames.isEmpty()) {
            output.subList(frames.get(0).outputMark, output.size()).clear();
            frames.clear();
        }
    }
}
