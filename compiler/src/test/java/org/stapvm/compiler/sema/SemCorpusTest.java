package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stapvm.compiler.sema.tapset.TapsetPath;

/**
 * The sem/ok and sem/ko corpora. Each NAME.stp is elaborated with the bundled tapsets and the
 * arguments in NAME.args (one per line, optional). ok: no error, and NAME.expected holds the
 * warnings report followed by the program dump. ko: NAME.expected holds the exact report,
 * checked against Debian's stap 4.8 (-p2) unless NAME.expected notes otherwise in NOTES.md.
 * Run with -Dsem.update=true to rewrite the expected files after a deliberate change.
 */
class SemCorpusTest {
    private static final Path ROOT = Path.of("src/test/resources/sem");
    private static final boolean UPDATE = Boolean.getBoolean("sem.update");

    @TestFactory
    Stream<DynamicTest> ok() throws IOException {
        return cases("ok", true);
    }

    @TestFactory
    Stream<DynamicTest> ko() throws IOException {
        return cases("ko", false);
    }

    private Stream<DynamicTest> cases(String dir, boolean ok) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
            files = s.filter(p -> p.toString().endsWith(".stp")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "empty corpus " + dir);
        TapsetPath tapsets = new TapsetPath(List.of(SemTesting.TAPSETS));
        return files.stream().map(f -> DynamicTest.dynamicTest(dir + "/" + f.getFileName(), () -> {
            String name = f.getFileName().toString();
            String base = name.substring(0, name.length() - 4);
            Path argsFile = f.resolveSibling(base + ".args");
            List<String> args = Files.exists(argsFile) ? Files.readAllLines(argsFile) : List.of();
            CheckedProgram p = SemTesting.elaborate(name, Files.readString(f, StandardCharsets.ISO_8859_1), tapsets, args);
            assertEquals(ok, p.ok(), () -> name + ":\n" + p.report());
            String actual = ok ? p.report() + p.dump() : p.report();
            Path expected = f.resolveSibling(base + ".expected");
            if (UPDATE) {
                Files.writeString(expected, actual);
            }
            assertTrue(Files.exists(expected), "missing " + expected);
            assertEquals(Files.readString(expected), actual, name);
        }));
    }
}
