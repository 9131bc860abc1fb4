package org.stapvm.lang.pp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.diag.TokenDescription;
import org.stapvm.lang.grammar.StapLexer;

/**
 * The first preprocessor layer (stap's scan_pp1): reads a file's tokens, records its
 * {@code @define}s in the file's table, and replaces macro invocations by their bodies, with
 * arguments substituted and re-scanned. Each call to {@link #next} yields one token, or null at the end.
 */
final class MacroExpander {
    /** Tokens all expansions of one file may read; beyond it expansion stops, so nothing can hang. */
    static final int EXPANSION_BUDGET = 1_000_000;

    /**
     * stap's list of built-in @-operators (kderef and uderef reach us as @NAME); a macro may
     * redefine them, with a warning.
     */
    private static final Set<String> BUILTIN_AT_WORDS = Set.of("cast", "defined", "probewrite", "entry", "perf",
            "var", "avg", "count", "sum", "min", "max", "hist_linear", "hist_log", "const", "variance",
            "kregister", "uregister", "kderef", "uderef");

    /** Token types that may name a macro: @NAME and the built-in @-words, which macros may redefine. */
    private static final Set<Integer> AT_WORD_TYPES = Set.of(StapLexer.AT_NAME, StapLexer.AT_CAST,
            StapLexer.AT_VAR, StapLexer.AT_DEFINED, StapLexer.AT_ENTRY, StapLexer.AT_PROBEWRITE, StapLexer.AT_CONST,
            StapLexer.AT_PERF, StapLexer.AT_KREGISTER, StapLexer.AT_UREGISTER, StapLexer.AT_HIST_LINEAR,
            StapLexer.AT_HIST_LOG, StapLexer.AT_STAT);

    /** An argument: its tokens and the activation it was written in, whose parameters it may use. */
    private record Closure(List<Token> tokens, Activation writtenIn) {}

    /** A body being read: a macro's, or an argument's when its parameter is used. */
    private static final class Activation {
        final Macro macro; // null for an argument
        final List<Token> tokens;
        final Map<String, Closure> params;
        final boolean library; // a library macro's body sees no file-local macros
        final Activation origin; // where the invocation was written, to detect recursion
        int cursor;

        Activation(Macro macro, List<Token> tokens, Map<String, Closure> params, boolean library, Activation origin) {
            this.macro = macro;
            this.tokens = tokens;
            this.params = params;
            this.library = library;
            this.origin = origin;
        }
    }

    private final List<Token> input;
    private final MacroTable local;
    private final MacroTable global;
    private final Reporter reporter;
    private final List<Activation> stack = new ArrayList<>();
    private int inputPos;
    private Token lastRead;
    private Token invocationSite; // the outermost invocation being expanded
    private int budget = EXPANSION_BUDGET;

    MacroExpander(List<Token> input, MacroTable local, MacroTable global, Reporter reporter) {
        this.input = input;
        this.local = local;
        this.global = global;
        this.reporter = reporter;
    }

    /**
     * The next token after expansion. While {@code skipping} (inside an unchosen branch) errors
     * are muted and @define is passed through, as stap does; macros still expand there.
     */
    Token next(boolean skipping) {
        boolean wasMuted = reporter.mute(skipping);
        try {
            while (true) {
                Token t = read();
                if (t == null) {
                    if (stack.isEmpty()) {
                        return null;
                    }
                    stack.remove(stack.size() - 1);
                    continue;
                }
                if (t.getType() == StapLexer.AT_DEFINE && !skipping) {
                    define(t);
                    continue;
                }
                if (AT_WORD_TYPES.contains(t.getType()) && invoke(t)) {
                    continue;
                }
                return t;
            }
        } finally {
            reporter.mute(wasMuted);
        }
    }

    // ---- raw reading: the current body, or the file; null at the end of either ----

    private Token peek() {
        if (stack.isEmpty()) {
            return inputPos < input.size() ? input.get(inputPos) : null;
        }
        Activation act = top();
        return act.cursor < act.tokens.size() ? act.tokens.get(act.cursor) : null;
    }

    private Token read() {
        Token t = peek();
        if (t == null) {
            return null;
        }
        if (stack.isEmpty()) {
            inputPos++;
        } else {
            top().cursor++;
            if (--budget < 0) {
                return outOfBudget();
            }
            t = new CommonToken(t); // every expansion gets its own tokens; positions stay at the definition
        }
        lastRead = t;
        return t;
    }

    /** Abandons every expansion under way; later invocations are dropped (see {@link #invoke}). */
    private Token outOfBudget() {
        boolean wasMuted = reporter.mute(false); // reported even in a skipped branch: it disables expansion
        reporter.error("macro expansion exceeds " + EXPANSION_BUDGET + " tokens", invocationSite);
        reporter.mute(wasMuted);
        stack.clear();
        return read();
    }

    private Activation top() {
        return stack.isEmpty() ? null : stack.get(stack.size() - 1);
    }

    private Token consumeIf(int type) {
        Token t = peek();
        return Tokens.is(t, type) ? read() : null;
    }

    // ---- @define NAME [(a, b, ...)] %( BODY %) ----

    private void define(Token at) {
        boolean keep = true;
        if (!stack.isEmpty()) {
            reporter.error("'@define' forbidden inside macro body", at);
            keep = false; // still read the definition, so its tokens do not spill into the expansion
        }
        Token name = consumeIf(StapLexer.IDENT);
        if (name == null) {
            reporter.error("expected identifier", orLast(peek()));
            discardDefinition();
            return;
        }
        Macro first = local.lookup(name.getText());
        if (first != null && keep) {
            reporter.error("attempt to redefine macro '@" + name.getText() + "' in the same file", name);
            reporter.error("macro '@" + name.getText() + "' first defined here", first.nameToken());
            keep = false;
        } else if (name.getText().equals("define")) {
            reporter.error("attempt to redefine '@define'", name);
            keep = false;
        } else if (BUILTIN_AT_WORDS.contains(name.getText())) {
            reporter.warning("macro redefines built-in operator '@" + name.getText() + "'", name);
        }
        List<String> params = new ArrayList<>();
        boolean sawParams = consumeIf(StapLexer.LPAREN) != null;
        while (sawParams) {
            Token param = consumeIf(StapLexer.IDENT);
            if (param == null) {
                reporter.error("expected identifier", orLast(peek()));
                discardDefinition();
                return;
            }
            params.add(param.getText());
            if (consumeIf(StapLexer.RPAREN) != null) {
                break;
            }
            if (consumeIf(StapLexer.COMMA) == null) {
                reporter.error("expected ',' or ')'", orLast(peek()));
                discardDefinition();
                return;
            }
        }
        if (consumeIf(StapLexer.PP_OPEN) == null) {
            reporter.error(sawParams ? "expected '%('" : "expected '%(' or '('", orLast(peek()));
            discardDefinition();
            return;
        }
        List<Token> body = readBody();
        if (body == null) {
            reporter.error("incomplete macro definition - missing '%)'", name);
        } else if (keep) {
            local.define(new Macro(name.getText(), params, body, TokenDescription.pos(name), name));
        }
    }

    /**
     * After a malformed signature, drops the rest of it (names, numbers, parentheses, commas) and
     * the %( body %) that follows, so one mistake gives one error rather than a cascade.
     */
    private void discardDefinition() {
        Set<Integer> signature = Set.of(StapLexer.IDENT, StapLexer.NUMBER, StapLexer.LPAREN, StapLexer.RPAREN,
                StapLexer.COMMA);
        while (peek() != null && signature.contains(peek().getType())) {
            read();
        }
        if (consumeIf(StapLexer.PP_OPEN) != null) {
            readBody();
        }
    }

    /** Tokens up to the %) that balances the opening %(, or null if the input ends first. */
    private List<Token> readBody() {
        List<Token> body = new ArrayList<>();
        int nesting = 0;
        for (Token t = read(); t != null; t = read()) {
            if (t.getType() == StapLexer.PP_OPEN) {
                nesting++;
            } else if (t.getType() == StapLexer.PP_CLOSE && nesting-- == 0) {
                return body;
            }
            body.add(t);
        }
        return null;
    }

    // ---- @NAME and @NAME(arg, ...) ----

    /** Expands {@code at} if it names a parameter or macro in scope; false leaves it an ordinary token. */
    private boolean invoke(Token at) {
        String name = at.getText().substring(1);
        Activation act = top();
        if (act != null && act.params.containsKey(name)) {
            // A parameter: re-read its argument where it was written, with that place's parameters.
            Closure arg = act.params.get(name);
            Activation home = arg.writtenIn();
            push(at, new Activation(null, arg.tokens(), home == null ? Map.of() : home.params, false, home));
            return true;
        }
        Macro macro = null;
        boolean library = false;
        if (!(act != null && act.library)) {
            macro = local.lookup(name);
        }
        if (macro == null) {
            macro = global.lookup(name);
            library = macro != null;
        }
        if (macro == null) {
            return false;
        }
        Map<String, Closure> params = readArguments(at, macro, act);
        if (params == null) {
            return true; // reported; the invocation is dropped
        }
        if (isRecursive(macro, act)) {
            reporter.error("recursive invocation of macro '@" + name + "'", at);
            return true;
        }
        if (budget <= 0) {
            return true; // expansion was stopped, already reported
        }
        push(at, new Activation(macro, macro.body(), params, library, act));
        return true;
    }

    private void push(Token at, Activation activation) {
        if (stack.isEmpty()) {
            invocationSite = at;
        }
        stack.add(activation);
    }

    /** Whether the invocation, written in {@code act}, lies (through the macros that wrote it) inside {@code macro}. */
    private static boolean isRecursive(Macro macro, Activation act) {
        for (Activation a = act; a != null; a = a.origin) {
            if (a.macro == macro) {
                return true;
            }
        }
        return false;
    }

    /** The arguments of an invocation by parameter name, or null after reporting a malformed call. */
    private Map<String, Closure> readArguments(Token at, Macro macro, Activation act) {
        Map<String, Closure> params = new HashMap<>();
        int count = macro.params().size();
        if (count == 0) {
            return params; // "@m(x)" of a parameterless macro leaves "(x)" alone, as stap does
        }
        String name = at.getText().substring(1);
        if (consumeIf(StapLexer.LPAREN) == null) {
            reporter.error("expected '(' in invocation of macro '@" + name + "' taking " + count
                    + (count == 1 ? " parameter" : " parameters"), orLast(peek()));
            return null;
        }
        for (int i = 0; i < count; i++) {
            List<Token> arg = new ArrayList<>();
            Token separator = readArgument(arg);
            if (separator == null) {
                reporter.error("could not find end of macro invocation", at);
                return null;
            }
            boolean last = i + 1 == count;
            if (separator.getType() == StapLexer.COMMA && last) {
                reporter.error("too many parameters for macro '@" + name + "' (expected " + count + ")", separator);
                skipRestOfArguments();
                return null;
            }
            if (separator.getType() == StapLexer.RPAREN && !last) {
                reporter.error("too few parameters for macro '@" + name + "' (expected " + count + ")", separator);
                return null;
            }
            params.put(macro.params().get(i), new Closure(arg, act));
        }
        return params;
    }

    /**
     * Reads one argument into {@code arg}, up to a ',' or ')' outside ( ) and [ ] (not { }, as
     * stap), and returns that separator, or null at the end of the input or enclosing body.
     */
    private Token readArgument(List<Token> arg) {
        int nesting = 0;
        for (Token t = read(); t != null; t = read()) {
            int type = t.getType();
            if (type == StapLexer.LPAREN || type == StapLexer.LBRACK) {
                nesting++;
            } else if (nesting > 0 && (type == StapLexer.RPAREN || type == StapLexer.RBRACK)) {
                nesting--;
            } else if (nesting == 0 && (type == StapLexer.RPAREN || type == StapLexer.COMMA)) {
                return t;
            }
            arg.add(t);
        }
        return null;
    }

    /** After "too many parameters", drops the remaining arguments so they do not reach the parser. */
    private void skipRestOfArguments() {
        List<Token> ignored = new ArrayList<>();
        for (Token sep = readArgument(ignored); Tokens.is(sep, StapLexer.COMMA); sep = readArgument(ignored)) {
            ignored.clear();
        }
    }

    /** Where to point an error about a missing token: the offending one, or the last one read at the end. */
    private Token orLast(Token t) {
        return t != null ? t : lastRead;
    }
}
