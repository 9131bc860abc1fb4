package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.sema.tapset.TapsetLoader;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.pp.PpContext;

/**
 * The syscall tapset (tapsets/syscall, generated from syscalls.table): every system call of the table
 * has syscall.NAME, nd_syscall.NAME and their .return, which elaborate on both runtimes; a one-point
 * script loads only that call's file; the generated files match the table.
 */
class SyscallTapsetTest {
    private static final Path SYSCALL_DIR = SemTesting.TAPSETS.resolve("syscall");

    /** The NAMEs of the table's "syscall NAME NR SYMBOL" lines. */
    private static List<String> tableNames() throws IOException {
        return new ArrayList<>(tableWrappers().keySet());
    }

    /** Per NAME of the table, how many kernel wrappers (rows) it is probed through (a never row: one). */
    private static Map<String, Integer> tableWrappers() throws IOException {
        Map<String, Integer> names = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^syscall (\\w+) (?:\\d+ \\w+|never)$")
                .matcher(Files.readString(SYSCALL_DIR.resolve("syscalls.table")));
        while (m.find()) {
            names.merge(m.group(1), 1, Integer::sum);
        }
        return names;
    }

    /*
     * Where stap's -L differs between its kprobe path (nd2_syscall, taken on a live 6.1 kernel, whose
     * statement order the table follows) and the tracepoint path it took for the recorded list.
     */
    private static final Set<String> PATH_ORDER_DIFFERS = Set.of("nd_syscall.clock_settime",
            "nd_syscall.timer_create", "nd_syscall.timer_gettime");

    private static TapsetPath library(String runtime) {
        Pass1 pass1 = Pass1.create(PpContext.forKernel("6.1.0-57-amd64", 0),
                List.of(SemTesting.TAPSETS, TapsetPath.runtimeDir(SemTesting.TAPSETS, runtime)));
        return new TapsetPath(List.of(SemTesting.TAPSETS, TapsetPath.runtimeDir(SemTesting.TAPSETS, runtime)),
                pass1.preprocessor());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "kernel"})
    void everyCallOfTheTableElaboratesWithItsReturnOnBothRuntimes(String runtime) throws IOException {
        TapsetPath lib = library(runtime);
        Map<String, Integer> wrappers = tableWrappers();
        assertTrue(wrappers.size() >= 200, "table: " + wrappers.keySet());
        for (String n : wrappers.keySet()) {
            for (String root : List.of("syscall", "nd_syscall")) {
                String script = "probe " + root + "." + n + " { printf(\"%s %s\\n\", name, argstr) }\n"
                        + "probe " + root + "." + n + ".return { printf(\"%s %s\\n\", name, retstr) }\n";
                CheckedProgram p = SemTesting.elaborate("t.stp", script, lib, List.of());
                assertTrue(p.ok(), runtime + " " + root + "." + n + ":\n" + p.report());
                // a probe and its .return per kernel wrapper (on the user runtime a syscall stop each, gated by number)
                assertEquals(2 * wrappers.get(n), p.probes().size(), root + "." + n);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"user", "kernel"})
    void listingShowsTheVariablesStapShowsForEveryCall(String runtime) throws IOException {
        Map<String, String> stap = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/syscall/stap-nd_syscall-locals.txt"))) {
            if (!line.startsWith("#")) {
                stap.put(line.split(" ")[0], line);
            }
        }
        TapsetPath lib = library(runtime);
        List<String> differ = new ArrayList<>();
        for (String n : tableNames()) {
            for (String point : List.of("nd_syscall." + n, "nd_syscall." + n + ".return")) {
                CheckedProgram p = SemTesting.listing("t.stp", "probe " + point + " {}", lib);
                assertTrue(p.ok(), point + ":\n" + p.report());
                List<String> lines = ProbeListing.lines(p, true, "6.1.0-57-amd64");
                assertEquals(1, lines.size(), point + ": " + lines);
                if (stap.containsKey(point) && !PATH_ORDER_DIFFERS.contains(point) && !stap.get(point).equals(lines.get(0))) {
                    differ.add("stap:    " + stap.get(point) + "\nstapvm:  " + lines.get(0));
                }
            }
        }
        assertEquals("", String.join("\n", differ));
    }

    @Test
    void everyProbeStapHasIsInTheTableOrListedAsNotYet() throws IOException {
        Set<String> stap = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/syscall/stap-nd_syscall-locals.txt"))) {
            String point = line.split(" ")[0];
            if (!line.startsWith("#") && !point.endsWith(".return")) {
                stap.add(point.substring("nd_syscall.".length()));
            }
        }
        Set<String> notYet = new java.util.TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/syscall/stap-probes-not-yet.txt"))) {
            if (!line.startsWith("#")) {
                notYet.add(line.trim());
            }
        }
        Set<String> table = Set.copyOf(tableNames());
        List<String> missing = stap.stream().filter(n -> !table.contains(n) && !notYet.contains(n)).toList();
        List<String> done = notYet.stream().filter(table::contains).toList();
        List<String> unknown = notYet.stream().filter(n -> !stap.contains(n)).toList();
        assertEquals("", (missing.isEmpty() ? "" : "stap probes neither in the table nor listed: " + missing)
                + (done.isEmpty() ? "" : " listed but in the table: " + done)
                + (unknown.isEmpty() ? "" : " listed but not stap's: " + unknown));
        assertTrue(table.size() + notYet.size() >= stap.size(), table.size() + " + " + notYet.size());
    }

    @Test
    void listingNamesTheAliasAPatternMatched() throws IOException {
        CheckedProgram p = SemTesting.listing("t.stp", "probe syscall.open*, syscall.read.return {}", library("user"));
        assertTrue(p.ok(), p.report());
        assertEquals(List.of("syscall.open", "syscall.open_by_handle_at", "syscall.openat", "syscall.read.return"),
                ProbeListing.lines(p, false, ""));
        assertEquals("syscall.read.return name:string retval:long retstr:string", ProbeListing.lines(p, true, "").get(3));
    }

    @Test
    void aOnePointScriptParsesOnlyTheFilesItUses() {
        CheckedProgram p = SemTesting.elaborate("t.stp", "probe syscall.openat { println(argstr) }", library("user"),
                List.of());
        assertTrue(p.ok(), p.report());
        List<String> loaded = p.tapsetFiles().stream().map(f -> Path.of(f).getFileName().toString()).toList();
        assertEquals(List.of("sc_openat.stp", "syscall_regs.stp", "aux.stp", "conversions.stp", "string.stp", "values.stp"), loaded);
    }

    @Test
    void generatedFilesMatchTheTable() throws Exception {
        Process gen = new ProcessBuilder("python3", SYSCALL_DIR.resolve("gen.py").toString(), "--check")
                .redirectErrorStream(true).start();
        assertTrue(gen.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, gen.exitValue(), new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void runtimeFoldersAreReadOnlyWhenNamed() throws IOException {
        TapsetPath plain = new TapsetPath(List.of(SemTesting.TAPSETS));
        try (Stream<Path> files = plain.files().stream().map(f -> Path.of(f.source().name()))) {
            assertTrue(files.noneMatch(f -> f.toString().contains("runtime-")));
        }
        assertTrue(plain.functionFile("__sc_arg") == null);
        assertTrue(library("kernel").functionFile("__sc_arg").source().name().contains("runtime-kernel"));
        new TapsetLoader(plain);
    }
}
