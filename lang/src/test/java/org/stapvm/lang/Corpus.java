package org.stapvm.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.pp.HostKernel;

/** The real-world scripts the front end is tested on: Debian's systemtap tapsets and examples. */
public final class Corpus {
    private Corpus() {}

    public static final Path ROOT = Path.of("/usr/share/systemtap");

    /**
     * Files `stap -g -p1` itself rejects (checked with stap 4.8), so they are not expected to parse:
     * the band-aid template holds "{...}" placeholders for the user to fill in.
     */
    static final Set<String> REJECTED_BY_STAP = Set.of("examples/security-band-aids/security-bandaid-template.stp");

    private static Pass1 pass1;

    public static List<Path> files() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        try (Stream<Path> walk = Stream.concat(Files.walk(ROOT.resolve("examples")), Files.walk(ROOT.resolve("tapset")))) {
            return walk.filter(p -> p.toString().endsWith(".stp") || p.toString().endsWith(".stpm"))
                    .filter(p -> !REJECTED_BY_STAP.contains(ROOT.relativize(p).toString()))
                    .sorted().collect(Collectors.toList());
        }
    }

    /** A parser as `stap -p1` on this machine has it: host kernel, the corpus's library macros. */
    static ScriptParser parser(Path file) {
        return pass1().parser();
    }

    /** Pass 1 as `stap -p1` on this machine has it: host kernel, the corpus's library macros. */
    public static synchronized Pass1 pass1() {
        if (pass1 == null) {
            pass1 = Pass1.forKernel(HostKernel.release(), List.of(ROOT.resolve("tapset")), 0);
        }
        return pass1;
    }
}
