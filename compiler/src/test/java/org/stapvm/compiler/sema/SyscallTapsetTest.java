package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<String> names = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^syscall (\\w+) \\d+ \\w+$")
                .matcher(Files.readString(SYSCALL_DIR.resolve("syscalls.table")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

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
        List<String> names = tableNames();
        assertTrue(names.size() >= 64, "table: " + names);
        for (String n : names) {
            for (String root : List.of("syscall", "nd_syscall")) {
                String script = "probe " + root + "." + n + " { printf(\"%s %s\\n\", name, argstr) }\n"
                        + "probe " + root + "." + n + ".return { printf(\"%s %s\\n\", name, retstr) }\n";
                CheckedProgram p = SemTesting.elaborate("t.stp", script, lib, List.of());
                assertTrue(p.ok(), runtime + " " + root + "." + n + ":\n" + p.report());
                assertEquals(2, p.probes().size(), root + "." + n);
            }
        }
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
