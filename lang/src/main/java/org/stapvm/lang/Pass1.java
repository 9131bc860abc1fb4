package org.stapvm.lang;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;
import org.stapvm.lang.pp.ArgumentSubstitution;
import org.stapvm.lang.pp.LibraryMacroFiles;
import org.stapvm.lang.pp.MacroTable;
import org.stapvm.lang.pp.PpContext;
import org.stapvm.lang.pp.Preprocessor;

/**
 * Pass 1 set up for one target, as SystemTap runs it: the preprocessor knows the kernel, arch,
 * runtime and argument count, and holds the macros of the tapset directories' .stpm files.
 */
public final class Pass1 {
    private final PpContext context;
    private final MacroTable macros;
    private final List<Diagnostic> libraryProblems;

    private Pass1(PpContext context, MacroTable macros, List<Diagnostic> libraryProblems) {
        this.context = context;
        this.macros = macros;
        this.libraryProblems = List.copyOf(libraryProblems);
    }

    /** Loads the library macros stap would load for {@code context} from each tapset directory. */
    public static Pass1 create(PpContext context, List<Path> tapsetDirs) {
        List<Path> stpm = new ArrayList<>();
        for (Path dir : tapsetDirs) {
            stpm.addAll(LibraryMacroFiles.select(dir, context));
        }
        List<Diagnostic> problems = new ArrayList<>();
        MacroTable macros = MacroTable.load(stpm, context, problems::add);
        return new Pass1(context, macros, problems);
    }

    public static Pass1 forKernel(String release, List<Path> tapsetDirs, int argCount) {
        return create(PpContext.forKernel(release, argCount), tapsetDirs);
    }

    public PpContext context() {
        return context;
    }

    /** Warnings and errors from loading the library macro files (stap skips a bad file). */
    public List<Diagnostic> libraryProblems() {
        return libraryProblems;
    }

    /**
     * The preprocessing step for this target, for parsers built elsewhere (tapset loading): the
     * script arguments pasted in first, as stap's lexer does, then conditionals and macros.
     */
    public TokenPass preprocessor() {
        return (file, tokens, problems) -> new Preprocessor(macros, context, problems)
                .process(file, ArgumentSubstitution.apply(file, tokens, context.args()));
    }

    /** A parser for one file; parsers are cheap and not shared between threads. */
    public ScriptParser parser() {
        return new ScriptParser(preprocessor());
    }
}
