package org.stapvm.lang.pp;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Turns preprocessor problems into Diagnostics pointing at a token, in whichever file the token
 * came from (a macro's tokens keep their definition site). Muted while a skipped branch is read,
 * because stap ignores errors there.
 */
final class Reporter {
    static final String WARNING = "WARNING";

    private final Consumer<Diagnostic> sink;
    private final Map<CharStream, SourceFile> sources = new IdentityHashMap<>();
    private boolean muted;
    private int errors;

    Reporter(Consumer<Diagnostic> sink) {
        this.sink = sink;
    }

    void error(String message, Token at) {
        if (!muted) {
            errors++;
            sink.accept(Diagnostic.parseError(message, Tokens.describe(at), Tokens.pos(at), sourceLine(at)));
        }
    }

    void warning(String message, Token at) {
        if (!muted) {
            sink.accept(new Diagnostic(WARNING, message, Tokens.describe(at), Tokens.pos(at), sourceLine(at)));
        }
    }

    /** Sets muting and returns the previous setting, so callers can restore it. */
    boolean mute(boolean mute) {
        boolean was = muted;
        muted = mute;
        return was;
    }

    int errors() {
        return errors;
    }

    private String sourceLine(Token t) {
        CharStream in = t.getInputStream();
        if (in == null) {
            return null;
        }
        SourceFile file = sources.computeIfAbsent(in,
                s -> new SourceFile(s.getSourceName(), s.getText(Interval.of(0, s.size() - 1))));
        return file.line(t.getLine());
    }
}
