package org.stapvm.lang.pp;

import java.util.List;
import java.util.function.Consumer;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;

/**
 * SystemTap's preprocessor: resolves {@code %( %? %: %)} conditionals, records {@code @define}
 * macros and expands their invocations. Problems go to the diagnostics consumer (errors as
 * "parse error", warnings as "WARNING"); it never throws on bad input and always returns the
 * tokens it could keep, which stay ANTLR {@link Token}s for a ListTokenSource.
 */
public final class Preprocessor {
    private final MacroTable library;
    private final PpContext context;
    private final Consumer<Diagnostic> diagnostics;

    /** {@code library} holds the global (.stpm) macros; each processed file also gets its own. */
    public Preprocessor(MacroTable library, PpContext context, Consumer<Diagnostic> diagnostics) {
        this.library = library;
        this.context = context;
        this.diagnostics = diagnostics;
    }

    /** The tokens of {@code file} (as {@link org.stapvm.lang.Lexing#tokens} gives them) after preprocessing. */
    public List<Token> process(SourceFile file, List<Token> tokens) {
        return run(tokens, MacroTable.empty(), new Reporter(diagnostics, file));
    }

    /**
     * Adds the macros of one library file to {@code into} if the file is clean: no errors, no
     * tokens besides definitions and conditionals, no name already in the library. Returns
     * whether it was added.
     */
    boolean loadLibraryFile(SourceFile file, List<Token> tokens, MacroTable into) {
        MacroTable own = MacroTable.empty();
        Reporter reporter = new Reporter(diagnostics, file);
        List<Token> left = run(tokens, own, reporter);
        if (reporter.errors() > 0) {
            return false;
        }
        if (!left.isEmpty()) {
            reporter.error("unexpected token in library macro file '" + file.name() + "'", left.get(0));
            return false;
        }
        for (Macro macro : own.all()) {
            Macro first = into.lookup(macro.name());
            if (first != null) {
                reporter.error("duplicate definition of library macro '@" + macro.name() + "'", macro.nameToken());
                reporter.error("macro '@" + macro.name() + "' first defined here", first.nameToken());
                return false;
            }
        }
        own.all().forEach(into::define);
        return true;
    }

    private List<Token> run(List<Token> tokens, MacroTable fileMacros, Reporter reporter) {
        MacroExpander expander = new MacroExpander(tokens, fileMacros, library, reporter);
        return new ConditionalPass(expander, new ConditionEvaluator(context), reporter).run();
    }
}
