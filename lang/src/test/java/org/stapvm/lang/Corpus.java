package org.stapvm.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.pp.HostKernel;
import org.stapvm.lang.pp.PpContext;

/** The real-world scripts the front end is tested on: Debian's systemtap tapsets and examples. */
public final class Corpus {
    private Corpus() {}

    public static final Path ROOT = Path.of("/usr/share/systemtap");

    /**
     * Files `stap -g -p1` itself rejects (checked with stap 4.8), so they are not expected to parse:
     * the band-aid template holds "{...}" placeholders for the user to fill in.
     */
    static final Set<String> REJECTED_BY_STAP = Set.of("examples/security-band-aids/security-bandaid-template.stp");

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

    /** Script arguments of a file without its own: the golden scripts read $1, @2 and $#. */
    static final List<String> ARGUMENTS = List.of("7", "x");

    private static final Map<List<String>, Pass1> PASS1 = new HashMap<>();

    /**
     * A parser as `stap -p1 FILE ARGS` on this machine has it: host kernel, the corpus's library
     * macros, and the arguments the example's .meta file runs it with (its test_check line).
     */
    static ScriptParser parser(Path file) {
        return pass1(file).parser();
    }

    /** Pass 1 as `stap -p1 FILE ARGS` has it for {@code file} (see {@link #parser}). */
    public static synchronized Pass1 pass1(Path file) {
        return PASS1.computeIfAbsent(metaArguments(file), a -> Pass1.create(PpContext.forKernel(HostKernel.release(), a),
                List.of(ROOT.resolve("tapset"))));
    }

    /** The words after the script in NAME.meta's `test_check: stap ... NAME.stp ARGS` line, else ARGUMENTS. */
    public static List<String> metaArguments(Path file) {
        String name = file.getFileName().toString();
        Path meta = file.resolveSibling(name.replaceFirst("\\.stp$", ".meta"));
        try {
            for (String line : Files.isRegularFile(meta) ? Files.readAllLines(meta) : List.<String>of()) {
                // A line that needs the shell to expand it ($$, `cmd`) gives no usable words.
                if (line.startsWith("test_check:") && !line.contains("$$") && !line.contains("`")) {
                    List<String> words = ShellWords.split(line.substring("test_check:".length()));
                    int script = words.indexOf(name);
                    if (script >= 0) {
                        return List.copyOf(words.subList(script + 1, words.size()));
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ARGUMENTS;
    }
}
