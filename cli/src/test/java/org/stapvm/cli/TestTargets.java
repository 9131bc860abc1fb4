package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Probe targets the process() tests build with gcc -O2: from C text, or from a targets/ test resource. */
final class TestTargets {
    private TestTargets() {}

    /** Writes source to DIR/NAME.c and builds DIR/NAME with gcc -O2 and the extra flags. */
    static Path gcc(Path dir, String name, String source, String... flags) throws Exception {
        Path src = dir.resolve(name + ".c");
        Files.writeString(src, source);
        Path exe = dir.resolve(name);
        List<String> cc = new ArrayList<>(List.of("gcc", "-O2", "-o", exe.toString(), src.toString()));
        cc.addAll(List.of(flags));
        Process p = new ProcessBuilder(cc).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "gcc " + name + " failed");
        return exe;
    }

    /** What target prints run untraced with args (it must exit 0). */
    static String untraced(Path target, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(target.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, target + " failed");
        return out;
    }

    /** The text of test resource targets/FILE. */
    static String resource(String file) throws Exception {
        try (var in = TestTargets.class.getResourceAsStream("/targets/" + file)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }
}
