package org.stapvm.compiler.sema;

import java.nio.file.Path;
import java.util.List;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;
import org.stapvm.lang.pp.ArgumentSubstitution;

/** Helpers: parse a script text and run pass 2 over it. */
final class SemTesting {
    private SemTesting() {}

    /** Relative, so tapset file names in golden files do not depend on where the checkout is. */
    static final Path TAPSETS = java.nio.file.Files.isDirectory(Path.of("../tapsets")) ? Path.of("../tapsets")
            : TapsetPath.bundled();

    static CheckedProgram elaborate(String name, String text, TapsetPath tapsets, List<String> args) {
        SourceFile source = new SourceFile(name, text);
        ScriptParser.Result parsed = new ScriptParser(withArguments(args)).parse(source);
        if (!parsed.ok()) {
            throw new AssertionError("test script does not parse: " + parsed.errors());
        }
        return Elaborate.run(parsed.script(), source, tapsets);
    }

    /** Pass 1's argument pasting alone ($1 becomes argument 1's tokens), without the preprocessor. */
    static TokenPass withArguments(List<String> args) {
        return (file, tokens, problems) -> ArgumentSubstitution.apply(file, tokens, args);
    }

    /** As stap's -l/-L mode elaborates (the Pipeline's listing settings): nothing elided. */
    static CheckedProgram listing(String name, String text, TapsetPath tapsets) {
        SourceFile source = new SourceFile(name, text);
        ScriptParser.Result parsed = new ScriptParser(withArguments(List.of())).parse(source);
        if (!parsed.ok()) {
            throw new AssertionError("test script does not parse: " + parsed.errors());
        }
        return Elaborate.run(parsed.script(), List.of(source), tapsets, false,
                org.stapvm.probes.ProbeTarget.running(), true, java.util.Set.of());
    }

    static CheckedProgram elaborate(String text) {
        return elaborate("t.stp", text, TapsetPath.empty(), List.of());
    }

    static CheckedProgram withLibrary(String text) {
        return elaborate("t.stp", text, new TapsetPath(List.of(TAPSETS)), List.of());
    }
}
