package org.stapvm.lang.pp;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.TokenDescription;

/**
 * Turns preprocessor problems into Diagnostics pointing at a token, in whichever file the token
 * came from (a macro's tokens keep their definition site). Muted while a skipped branch is read,
 * because stap ignores errors there.
 */
final class Reporter {
    private final Consumer<Diagnostic> sink;
    private final Map<String, SourceFile> sources = new HashMap<>(); // by name, for the "source:" line
    private boolean muted;
    private int errors;

    Reporter(Consumer<Diagnostic> sink, SourceFile file) {
        this.sink = sink;
        sources.put(file.name(), file);
    }

    void error(String message, Token at) {
        if (!muted) {
            errors++;
            sink.accept(Diagnostic.preprocessorError(message, TokenDescription.describe(at), TokenDescription.pos(at),
                    sourceLine(at)));
        }
    }

    void warning(String message, Token at) {
        if (!muted) {
            sink.accept(Diagnostic.of(Diagnostic.Kind.PARSE_WARNING, message, TokenDescription.describe(at), TokenDescription.pos(at),
                    sourceLine(at)));
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

    /** The token's line, from the file being processed or, for a library macro's token, from its own text. */
    private String sourceLine(Token t) {
        SourceFile file = sources.get(TokenDescription.sourceName(t));
        CharStream in = t.getInputStream();
        if (file == null && in != null) {
            file = new SourceFile(in.getSourceName(), in.getText(Interval.of(0, in.size() - 1)));
            sources.put(file.name(), file);
        }
        return file == null ? null : file.line(t.getLine());
    }
}
