package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.Corpus;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.parse.ScriptParser;

/**
 * `stapvm -p1 FILE` parses every example and tapset file of Debian's systemtap with stapvm's own
 * macro library (tapsets/*.stpm), as `stap -p1` does with its own: the pass-1 set-up the command
 * builds, with no -I, so only the bundled library provides the macros, and with the arguments the
 * example's .meta file runs it with (stap -p1 too refuses a script whose $1 has no argument).
 */
class LibraryMacrosTest {
    private static final Path ROOT = Path.of("/usr/share/systemtap");
    /** `stap -p1` rejects it too: a template with "{...}" placeholders for the user to fill in. */
    private static final Path TEMPLATE = ROOT.resolve("examples/security-band-aids/security-bandaid-template.stp");

    @Test
    void everyExampleAndTapsetFileParses() throws IOException {
        assumeTrue(Files.isDirectory(ROOT), "systemtap is not installed");
        assertEquals(List.of(), pass1(List.of()).libraryProblems(), "stapvm's .stpm files load cleanly");
        List<Path> files;
        try (Stream<Path> walk = Stream.concat(Files.walk(ROOT.resolve("examples")), Files.walk(ROOT.resolve("tapset")))) {
            files = walk.filter(p -> p.toString().endsWith(".stp") || p.toString().endsWith(".stpm"))
                    .filter(p -> !p.equals(TEMPLATE)).sorted().collect(Collectors.toList());
        }
        List<String> failures = new ArrayList<>();
        for (Path f : files) {
            ScriptParser.Result r = pass1(Corpus.metaArguments(f)).parser().parse(SourceFile.read(f));
            if (!r.ok()) {
                failures.add(f + ": " + r.errors().get(0).message());
            }
        }
        assertEquals("", String.join("\n", failures), failures.size() + " of " + files.size() + " files fail pass 1");
    }

    private final Map<List<String>, Pass1> byArguments = new HashMap<>();

    /** `stapvm -p1 FILE ARGS`'s pass 1: -e with the arguments as positionals. */
    private Pass1 pass1(List<String> arguments) {
        return byArguments.computeIfAbsent(arguments, a -> {
            Options options = new Options();
            options.script = "";
            options.positionals = new ArrayList<>(a);
            return FrontEnd.pass1(options);
        });
    }
}
