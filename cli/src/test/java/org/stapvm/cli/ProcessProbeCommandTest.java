package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * process() probes from the stapvm command on the userspace breakpoint engine: exact hit counts,
 * arguments and return values, and the traced program's own output unchanged, in every breakpoint mode.
 */
class ProcessProbeCommandTest {
    private static final String TARGET_SOURCE = """
            #include <stdio.h>
            #include <stdlib.h>
            __attribute__((noinline)) long work(long x) { return 2 * x + 1; }
            int main(int argc, char **argv) {
                long n = atol(argv[1]), sum = 0;
                for (long i = 0; i < n; i++) sum += work(i);
                printf("calls=%ld sum=%ld\\n", n, sum);
                return 0;
            }
            """;
    /** N getppid() calls, then N write(2)s of 4 bytes on fd 7 (a copy of stdout). */
    private static final String SYSCALLS_SOURCE = """
            #include <stdlib.h>
            #include <unistd.h>
            int main(int argc, char **argv) {
                long n = atol(argv[1]);
                dup2(1, 7);
                for (long i = 0; i < n; i++) getppid();
                for (long i = 0; i < n; i++) write(7, "abc\\n", 4);
                return 0;
            }
            """;

    /** depth(n) calls depth(n - 1) down to 0 and returns n: nested calls of one function in flight. */
    private static final String RECURSE_SOURCE = """
            #include <stdio.h>
            #include <stdlib.h>
            __attribute__((noinline)) long depth(long n) {
                long r;
                if (n <= 0) return 0;
                r = depth(n - 1);
                __asm__ volatile("" : "+r"(r));
                return r + 1;
            }
            int main(int argc, char **argv) {
                printf("depth=%ld\\n", depth(atol(argv[1])));
                return 0;
            }
            """;

    @TempDir
    static Path build;
    static Path target;
    static Path syscalls;
    static Path recurse;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTargets() throws Exception {
        target = TestTargets.gcc(build, "work", TARGET_SOURCE);
        syscalls = TestTargets.gcc(build, "syscalls", SYSCALLS_SOURCE);
        recurse = TestTargets.gcc(build, "recurse", RECURSE_SOURCE);
    }

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulate", "xol", "step", "auto"})
    void entryAndReturnProbesSeeEveryCallItsArgumentsAndResults(String mode) throws Exception {
        String fn = "process(\"" + target + "\").function(\"work\")";
        Result r = run("--breakpoint=" + mode, "-c", target + " 500", "-e",
                "global n, args, rets probe " + fn + " { n++; args += long_arg(1) } "
                        + "probe " + fn + ".return { rets += returnval() } "
                        + "probe end { printf(\"n=%d args=%d rets=%d\\n\", n, args, rets) }");
        // sum of i for i < 500 is 124750; sum of 2i+1 is 250000
        assertEquals(new Result("calls=500 sum=250000\nn=500 args=124750 rets=250000\n", "", 0), r);
    }

    @ParameterizedTest
    @ValueSource(strings = {"emulate", "xol", "auto"})
    void entryValuesInAReturnProbeAreEachRecursiveCallsOwn(String mode) throws Exception {
        Result r = run("--breakpoint=" + mode, "-c", recurse + " 5", "-e",
                "probe process(\"" + recurse + "\").function(\"depth\").return { "
                        + "printf(\"%d %d %s\\n\", @entry(uint_arg(1)), returnval(), @entry(execname())) }");
        // innermost call returns first; each return sees its own call's argument (depth(k) returns k)
        assertEquals(new Result("0 0 recurse\n1 1 recurse\n2 2 recurse\n3 3 recurse\n4 4 recurse\n5 5 recurse\n", "", 0),
                withoutTargetLine(r, "depth=5\n"));
    }

    @Test
    void entryOutsideAReturnProbeIsStapsSemanticError() throws Exception {
        Result r = run("-p2", "-e", "probe process(\"" + recurse + "\").function(\"depth\") { println(@entry(uint_arg(1))) }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("semantic error: while processing probe process(\""), r.stderr());
        assertTrue(r.stderr().contains("\").function(\"depth\")\n\nsemantic error: internal error: @entry is only valid in "
                + ".return probes: operator '@entry' at <input>:1:"), r.stderr());
    }

    /**
     * exit() in a begin probe ends the session before the target runs: the -c command leaves without
     * running (its calls= line never appears) and the run ends; a -x process is let go and lives on.
     */
    @Test
    void exitInBeginEndsTheRunAndLetsTheTargetGo() throws Exception {
        String script = "probe begin { println(\"b\") exit() } probe process(\"" + target + "\").function(\"work\") { println(\"hit\") }"
                + " probe end { println(\"e\") }";
        assertEquals(new Result("b\ne\n", "", 0), run("-c", target + " 3", "-e", script));
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            assertEquals(new Result("b\ne\n", "", 0), run("-x", Long.toString(sleeper.pid()), "-e",
                    "probe begin { println(\"b\") exit() } probe process.begin { println(\"begin\") } probe end { println(\"e\") }"));
            Thread.sleep(200);
            assertTrue(sleeper.isAlive());
            assertEquals("S", Files.readString(Path.of("/proc/" + sleeper.pid() + "/stat")).split(" ")[2]);
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void probefuncAndArgumentsFromWildcards() throws Exception {
        Result r = run("-c", target + " 3", "-e",
                "probe process(\"" + target + "\").function(\"wo*\") { printf(\"%s(%d)\\n\", probefunc(), uint_arg(1)) }");
        assertEquals(new Result("work(0)\nwork(1)\nwork(2)\n", "", 0), withoutTargetLine(r, "calls=3 sum=9\n"));
    }

    /**
     * The result with the target's own output line taken out. Handler output is flushed by the runner's
     * loop, the target writes its own line at exit: as with stap, the two streams may interleave either
     * way, each in its own order.
     */
    private static Result withoutTargetLine(Result r, String targetLine) {
        assertTrue(r.stdout().contains(targetLine), r.stdout());
        return new Result(r.stdout().replace(targetLine, ""), r.stderr(), r.exitCode());
    }

    @Test
    void sharedLibraryProbeFiresInTheCommandAndLeavesItsOutputAlone() throws Exception {
        String ls = "/usr/bin/ls";
        Process plain = new ProcessBuilder(ls, "-l", "/usr").start();
        String expected = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        plain.waitFor();
        Result r = run("-c", ls + " -l /usr", "-e",
                "global n probe process(\"/lib/x86_64-linux-gnu/libc.so.6\").function(\"malloc\") { n++ } "
                        + "probe end { printf(\"mallocs=%d\\n\", n) }");
        Matcher m = Pattern.compile("(?s)(.*)mallocs=(\\d+)\n").matcher(r.stdout());
        assertTrue(m.matches(), r.stdout());
        assertEquals(expected, m.group(1));
        assertTrue(Long.parseLong(m.group(2)) > 0, r.stdout());
        assertEquals("", r.stderr());
    }

    @Test
    void syscallProbesSeeTheNumberArgumentsAndResult() throws Exception {
        String p = "process(\"" + syscalls + "\")";
        Result r = run("-c", syscalls + " 9", "-e",
                "global ppid, writes, fd7, bytes, parms "
                        + "probe " + p + ".syscall { if ($syscall == 110) ppid++ "
                        + "  if ($syscall == 1) { writes++; fd7 += $arg1 == 7 && $arg3 == 4; parms = $$parms } } "
                        + "probe " + p + ".syscall.return { if ($syscall == 1) bytes += $return } "
                        + "probe end { printf(\"ppid=%d writes=%d fd7=%d bytes=%d %s\\n\", ppid, writes, fd7, bytes, "
                        + "substr(parms, 0, 9)) }");
        assertEquals(new Result("abc\n".repeat(9) + "ppid=9 writes=9 fd7=9 bytes=36 $arg1=0x7\n", "", 0), r);
    }

    @Test
    void returnInASyscallEntryProbeIsTheSemanticErrorStapGives() throws Exception {
        Result r = run("-p2", "-e", "probe process(\"" + syscalls + "\").syscall { print($return) }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("semantic error: only \"process(PATH_OR_PID).syscall.return\" support $return.: "
                + "identifier '$return' at <input>:1:"), r.stderr());
    }

    @Test
    void unknownFunctionIsASemanticErrorWithSuggestions() throws Exception {
        Result r = run("-e", "probe process(\"" + target + "\").function(\"nosuch\") { }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("semantic error: no match (similar functions: work"), r.stderr());
        assertTrue(r.stderr().endsWith("Pass 2: analysis failed.  [man error::pass2]\n"), r.stderr());
    }
}
