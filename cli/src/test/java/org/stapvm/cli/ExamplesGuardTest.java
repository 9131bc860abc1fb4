package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Debian examples that pass {@code stapvm -p4 -r KVER} keep passing: bench/examples/guard.txt
 * (written by {@code bench/examples/run.py -p 4 --write-guard}) lists them with the arguments of
 * their .meta lines, and each is compiled again here, in this JVM (one compiler, warm: the 110
 * take 14-32 s on two cores, where a process per example takes about 4 minutes).
 * The modules go to the working directory under one name and are deleted.
 */
class ExamplesGuardTest {
    private static final Path EXAMPLES = Path.of("/usr/share/systemtap/examples");
    private static final Path LIST = StapvmCommand.ROOT.resolve("bench/examples/guard.txt");
    private static final String MODULE = "stapvm_examples_guard";

    @Test
    void everyListedExampleStillCompiles() throws Exception {
        String kver = GuestKernel.release().orElse("none");
        assumeTrue(Files.isDirectory(EXAMPLES), "no " + EXAMPLES);
        assumeTrue(Files.isReadable(Path.of("/boot/vmlinuz-" + kver)), "no /boot/vmlinuz-" + kver);
        // pass 4 verifies the module with the native verifier: libstapvm.so of this checkout, as bin/stapvm finds it
        Path lib = StapvmCommand.ROOT.resolve("runtime-native/user/build/libstapvm.so");
        assumeTrue(Files.isReadable(lib), "no " + lib + " (make -C runtime-native/user all)");
        System.setProperty("stapvm.native", lib.toString());
        List<String> lines = Files.readAllLines(LIST);
        assertTrue(lines.size() >= 100, "guard.txt lists " + lines.size() + " examples");
        List<String> failed = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            List<String> args = new ArrayList<>();
            for (int i = 1; i < f.length; i++) {
                args.add(f[i].equals("{script}") ? EXAMPLES.resolve(f[0]).toString() : f[i]);
            }
            args.addAll(List.of("--disable-cache", "-m", MODULE, "-p4", "-r", kver));
            String err = compile(args.toArray(new String[0]));
            if (err != null) {
                failed.add(f[0] + ": " + err);
            }
        }
        Files.deleteIfExists(Path.of(MODULE + ".stpb"));
        assertTrue(failed.isEmpty(), failed.size() + " listed examples no longer pass -p4:\n" + String.join("\n", failed));
    }

    /** null when the compile succeeds, else its first error line (as run.py picks it). */
    private static String compile(String[] args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int[] rc = {1};
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            // the compiler recurses with the script's nesting: a roomy stack, as Main gives it
            Thread t = new Thread(null, () -> rc[0] = Main.guarded(args, o, e), "guard", 256L << 20);
            t.start();
            t.join();
        }
        if (rc[0] == 0) {
            return null;
        }
        String text = err.toString(StandardCharsets.UTF_8);
        for (String l : text.split("\n")) {
            if (l.toLowerCase().contains("error")) {
                return l.strip();
            }
        }
        return text.isBlank() ? "exit " + rc[0] : text.strip().split("\n")[0];
    }
}
