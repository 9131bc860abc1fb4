package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad-input corpus (src/test/resources/bad-input, see its README): each user mistake gets its
 * exact stap-shaped message with its position and exit status 1, never an internal error or a
 * stack trace. Runs the command in this JVM (Main.guarded), as a worker thread would.
 */
class BadInputTest {
    private static final Path CORPUS = Path.of("src/test/resources/bad-input");

    private record Run(String stdout, String stderr, int status) {}

    private static Run run(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.guarded(args.toArray(new String[0]), new PrintStream(out, true, StandardCharsets.ISO_8859_1),
                new PrintStream(err, true, StandardCharsets.ISO_8859_1));
        return new Run(out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.ISO_8859_1), status);
    }

    /** Not stapvm's bug report (stap's own "internal error: @entry is only valid in .return probes" is a user error). */
    private static void assertClean(String what, Run r) {
        assertFalse(r.stderr().contains("stapvm: internal error"), what + ": " + r.stderr());
        assertFalse(r.stderr().contains("Exception") || r.stderr().contains("\tat "), what + ": " + r.stderr());
    }

    @TestFactory
    Stream<DynamicTest> eachCaseHasItsMessageAndFails() throws IOException {
        List<Path> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(CORPUS)) {
            files.filter(p -> p.toString().endsWith(".args")).sorted().forEach(cases::add);
        }
        assertTrue(cases.size() >= 30, "corpus has " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getFileName().toString(), () -> {
            List<String> args = Files.readAllLines(c, StandardCharsets.ISO_8859_1);
            String expected = Files.readString(Path.of(c.toString().replaceFirst("\\.args$", ".err")),
                    StandardCharsets.ISO_8859_1);
            Run r = run(args);
            assertClean(c.toString(), r);
            assertEquals(expected, r.stderr(), c.toString());
            assertEquals(1, r.status(), c.toString());
            assertEquals("", r.stdout(), c.toString());
        }));
    }

    /**
     * The ko corpora of pass 1 (lang's parse/ko) and pass 2 (compiler's sem/ko, with script
     * arguments from NAME.args) through the command, asking for -p4 so that every pass could run:
     * each fails with the report its pass's own test pins (recorded from stap, NOTES.md lists the
     * differences), with positions, never an internal error.
     */
    @TestFactory
    Stream<DynamicTest> koCorporaOfEachPassThroughTheCommand() throws IOException {
        List<Path> cases = new ArrayList<>();
        for (Path dir : List.of(Path.of("../lang/src/test/resources/parse/ko"), Path.of("../compiler/src/test/resources/sem/ko"))) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(p -> p.toString().endsWith(".stp")).sorted().forEach(cases::add);
            }
        }
        assertTrue(cases.size() >= 90, "corpora have " + cases.size() + " cases");
        return cases.stream().map(c -> DynamicTest.dynamicTest(c.getParent().getParent().getFileName() + "/" + c.getFileName(), () -> {
            String base = c.toString().replaceFirst("\\.stp$", "");
            List<String> args = new ArrayList<>(List.of("-p4"));
            // NAME.opts: options of the command (the corpora's .args are script arguments);
            // sem/ko/embedded-c needs -g to reach pass 2: without it stap stops in pass 1
            Path optsFile = Path.of(base + ".opts");
            if (Files.exists(optsFile)) {
                args.addAll(Files.readAllLines(optsFile, StandardCharsets.ISO_8859_1));
            }
            args.add(c.toString());
            Path argsFile = Path.of(base + ".args");
            if (Files.exists(argsFile)) {
                args.addAll(Files.readAllLines(argsFile, StandardCharsets.ISO_8859_1));
            }
            Run r = run(args);
            assertClean(c.toString(), r);
            String expected = Files.readString(Path.of(base + ".expected"), StandardCharsets.ISO_8859_1);
            // the corpora name the script by its file name and the bundled tapsets relative to compiler/;
            // the command names the script as given and the tapsets by their absolute path
            String tapsets = Path.of("../tapsets").toAbsolutePath().normalize() + "/";
            assertEquals(expected, r.stderr().replace(c.getParent() + "/", "").replace(tapsets, "../tapsets/"), c.toString());
            assertEquals(1, r.status(), c.toString());
            assertEquals("", r.stdout(), c.toString());
        }));
    }

    /** Tapset directories that are not tapset trees (-I /proc, -I /tmp) are read without crashing, as stap reads them. */
    @Test
    void includeDirectoriesThatAreNoTapsetTrees() {
        for (String dir : List.of("/proc", "/tmp")) {
            Run r = run(List.of("-I", dir, "-p2", "-e", "probe begin { exit() }"));
            assertClean("-I " + dir, r);
            assertEquals(0, r.status(), r.stderr());
        }
    }

    /** stap's listing mode lists the points that resolve and says nothing of the others (stap -l 'begin,nosuch'). */
    @Test
    void listingSkipsPointsThatDoNotResolve() {
        Run r = run(List.of("-l", "begin,nosuch.probe,end"));
        assertEquals("", r.stderr());
        assertEquals("begin\nend\n", r.stdout());
        assertEquals(0, r.status());
    }

    /** stap accepts an array larger than MAXMAPENTRIES: its declared size is its own limit (run in a fresh JVM: the verifier is native). */
    @Test
    void declaredArraySizeAboveMaxMapEntries(@TempDir Path tmp) throws Exception {
        StapvmCommand.Result r = new StapvmCommand(tmp).run("-e",
                "global a[1000000] probe begin { a[7] = 1; println(a[7]); exit() }");
        assertEquals(new StapvmCommand.Result("1\n", "", 0), r);
    }
}
