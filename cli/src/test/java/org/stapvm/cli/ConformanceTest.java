package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every conformance case through the stapvm command (a fresh JVM, pass 5 on the userspace
 * runtime) and compares stdout, stderr and exit code with SystemTap's. Cases listed in
 * conformance/known-failures.txt must still fail (so the list only shrinks); all others must match.
 */
class ConformanceTest {
    private static final Path ROOT = Path.of(System.getProperty("stapvm.root", "..")).toAbsolutePath().normalize();
    private static final Path CASES = ROOT.resolve("conformance/cases");
    private static final Path KNOWN_FAILURES = ROOT.resolve("conformance/known-failures.txt");

    record Outcome(String stdout, String stderr, int exitCode) {}

    @TestFactory
    Stream<DynamicTest> everyCaseBehavesAsSystemTap() throws Exception {
        List<ConformanceCase> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(CASES)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".stp")).sorted().toList()) {
                cases.add(ConformanceCase.load(p));
            }
        }
        Map<String, String> known = knownFailures();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()));
        Map<ConformanceCase, Future<Outcome>> runs = new LinkedHashMap<>();
        for (ConformanceCase c : cases) {
            runs.put(c, pool.submit(() -> run(c)));
        }
        pool.shutdown();
        List<DynamicTest> tests = new ArrayList<>();
        for (Map.Entry<ConformanceCase, Future<Outcome>> e : runs.entrySet()) {
            ConformanceCase c = e.getKey();
            tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, e.getValue().get(), known.get(c.name()))));
        }
        for (String name : known.keySet()) {
            if (cases.stream().noneMatch(c -> c.name().equals(name))) {
                tests.add(DynamicTest.dynamicTest("known-failures.txt: " + name,
                        () -> fail("known-failures.txt names " + name + ", which is not a case")));
            }
        }
        return tests.stream();
    }

    private static void check(ConformanceCase c, Outcome got, String knownReason) {
        boolean same = got.stdout().equals(c.stdout()) && got.stderr().equals(c.stderr())
                && got.exitCode() == c.exitCode();
        if (knownReason != null) {
            if (same) {
                fail(c.name() + " now behaves as SystemTap: remove it from conformance/known-failures.txt");
            }
            return;
        }
        assertEquals(c.stdout(), got.stdout(), c.name() + ": stdout");
        assertEquals(c.stderr(), got.stderr(), c.name() + ": stderr");
        assertEquals(c.exitCode(), got.exitCode(), c.name() + ": exit code");
    }

    /** NAME, blanks, then the reason, one a line; # starts a comment. */
    private static Map<String, String> knownFailures() throws IOException {
        Map<String, String> known = new LinkedHashMap<>();
        if (Files.exists(KNOWN_FAILURES)) {
            for (String line : Files.readAllLines(KNOWN_FAILURES)) {
                String l = line.strip();
                if (!l.isEmpty() && !l.startsWith("#")) {
                    String[] f = l.split("\\s+", 2);
                    known.put(f[0], f.length > 1 ? f[1] : "");
                }
            }
        }
        return known;
    }

    /** `stapvm [opts] -m conf_NAME NAME.stp [args]` in the cases folder, as the recording ran stap. */
    static Outcome run(ConformanceCase c) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Djnr.ffi.asm.enabled=false",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                "org.stapvm.cli.Main"));
        cmd.addAll(c.options());
        cmd.addAll(List.of("-m", "conf_" + c.name().replaceAll("[^A-Za-z0-9_]", "_"), c.name() + ".stp"));
        cmd.addAll(c.arguments());
        Path out = Files.createTempFile("conf", ".out");
        Path err = Files.createTempFile("conf", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(CASES.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            pb.environment().put("STAPVM_HOME", ROOT.toString());
            Process p = pb.start();
            if (!p.waitFor(c.timeoutSeconds() + 30L, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Outcome(Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err, StandardCharsets.ISO_8859_1) + "[killed: no exit in time]\n", -1);
            }
            return new Outcome(Files.readString(out, StandardCharsets.ISO_8859_1), Files.readString(err, StandardCharsets.ISO_8859_1), p.exitValue());
        } finally {
            Files.delete(out);
            Files.delete(err);
        }
    }
}
