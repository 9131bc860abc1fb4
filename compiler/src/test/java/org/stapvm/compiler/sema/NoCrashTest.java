package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.parse.ScriptParser;

/**
 * Pass 2 never throws on real scripts: every example of Debian's systemtap-doc that parses
 * without the preprocessor is elaborated (most fail on kernel probe points, cleanly).
 */
class NoCrashTest {
    private static final Path EXAMPLES = Path.of("/usr/share/systemtap/examples");

    @TestFactory
    Stream<DynamicTest> examplesElaborateWithoutThrowing() throws IOException {
        if (!Files.isDirectory(EXAMPLES)) {
            return Stream.empty();
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(EXAMPLES)) {
            files = walk.filter(p -> p.toString().endsWith(".stp")).sorted().toList();
        }
        TapsetPath tapsets = new TapsetPath(List.of(SemTesting.TAPSETS));
        return files.stream().map(f -> DynamicTest.dynamicTest(EXAMPLES.relativize(f).toString(), () -> {
            SourceFile source = SourceFile.read(f);
            ScriptParser.Result parsed = new ScriptParser(SemTesting.withArguments(List.of("1", "2", "3"))).parse(source);
            if (parsed.ok()) {
                CheckedProgram p = Elaborate.run(parsed.script(), source, tapsets);
                assertNotNull(p.report());
                if (Boolean.getBoolean("sem.verbose")) {
                    System.out.println("#### " + f + (p.ok() ? " OK" : " FAILED") + "\n" + p.report());
                }
            }
        }));
    }
}
