package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the stapvm command in a fresh JVM (as bin/stapvm does), its stdout and stderr captured in files under dir. */
final class StapvmCommand {
    static final Path ROOT = Path.of(System.getProperty("stapvm.root", "..")).toAbsolutePath().normalize();

    record Result(String stdout, String stderr, int exitCode) {}

    private final Path dir;

    StapvmCommand(Path dir) {
        this.dir = dir;
    }

    ProcessBuilder builder(List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djnr.ffi.asm.enabled=false",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.stapvm.cli.Main"));
        cmd.addAll(args);
        // in dir: what a run writes to its current directory (-p4's stap_*.stpb) stays out of the checkout
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        pb.environment().put("STAPVM_HOME", ROOT.toString());
        return pb;
    }

    Result finish(Process p) throws Exception {
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stapvm did not end");
        return new Result(Files.readString(dir.resolve("out"), StandardCharsets.ISO_8859_1),
                Files.readString(dir.resolve("err"), StandardCharsets.ISO_8859_1), p.exitValue());
    }

    Result run(String... args) throws Exception {
        return finish(builder(List.of(args)).start());
    }
}
