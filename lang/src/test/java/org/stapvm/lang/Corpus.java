package org.stapvm.lang;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

/** The real-world scripts the front end is tested on: Debian's systemtap tapsets and examples. */
final class Corpus {
    private Corpus() {}

    static final Path ROOT = Path.of("/usr/share/systemtap");

    static List<Path> files() throws IOException {
        if (!Files.isDirectory(ROOT)) {
            return List.of();
        }
        try (Stream<Path> walk = Stream.concat(Files.walk(ROOT.resolve("examples")), Files.walk(ROOT.resolve("tapset")))) {
            return walk.filter(p -> p.toString().endsWith(".stp") || p.toString().endsWith(".stpm"))
                    .sorted().collect(Collectors.toList());
        }
    }

    static ScriptParser parser(Path file) {
        return new ScriptParser(TokenPass.NONE);
    }
}
