package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** Pass 5 from the stapvm command: the run options (-T, -c, -x, -o), timers and signals. */
class RunCommandTest {
    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    @Test
    void timeoutEndsTheRunAndRunsEndProbes() throws Exception {
        long t0 = System.nanoTime();
        Result r = run("-T", "1", "-e", "global n probe timer.ms(100) { n++ } probe end { printf(\"n=%d\\n\", n) }");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Matcher m = Pattern.compile("n=(\\d+)\n").matcher(r.stdout());
        assertTrue(m.matches(), r.stdout());
        int n = Integer.parseInt(m.group(1));
        assertTrue(n >= 8 && n <= 10, "timer.ms(100) for 1 s fired " + n + " times");
        assertTrue(ms >= 1000, "ended after " + ms + " ms");
        assertEquals(new Result(r.stdout(), "", 0), r);
    }

    @Test
    void randomizedTimerAndExit() throws Exception {
        Result r = run("-e", "global n probe timer.ms(5).randomize(3) { if (++n == 20) exit() } probe end { println(n) }");
        assertEquals(new Result("20\n", "", 0), r);
    }

    @Test
    void commandTargetIsKnownInBeginAndItsExitEndsTheRun() throws Exception {
        Result r = run("-c", "sh -c 'echo cmd=$$'", "-e",
                "probe begin { printf(\"begin=%d\\n\", target()) } probe timer.s(30) { exit() } probe end { println(\"end\") }");
        Matcher m = Pattern.compile("begin=(\\d+)\ncmd=(\\d+)\nend\n").matcher(r.stdout());
        assertTrue(m.matches(), r.stdout());
        assertEquals(m.group(1), m.group(2), "target() is the command's pid");
        assertEquals(0, r.exitCode());
    }

    @Test
    void attachedTargetEndsTheRun() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "1").start();
        Result r = run("-x", Long.toString(sleeper.pid()), "-e", "probe end { printf(\"%d\\n\", target()) }");
        assertEquals(new Result(sleeper.pid() + "\n", "", 0), r);
    }

    @Test
    void outputFileReceivesTheOutput() throws Exception {
        Path file = tmp.resolve("o.txt");
        Result r = run("-o", file.toString(), "-e", "probe begin { println(\"to the file\") exit() }");
        assertEquals(new Result("", "", 0), r);
        assertEquals("to the file\n", Files.readString(file));
    }

    @Test
    void sigintRunsTheEndProbes() throws Exception {
        Path file = tmp.resolve("o.txt");
        Process p = new StapvmCommand(tmp).builder(List.of("-o", file.toString(), "-e",
                "probe begin { println(\"ready\") } probe end { println(\"end\") }")).start();
        for (int i = 0; i < 600 && !(Files.exists(file) && Files.readString(file).startsWith("ready")); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        Result r = new StapvmCommand(tmp).finish(p);
        assertEquals(new Result("", "", 0), r);
        assertEquals("ready\nend\n", Files.readString(file));
    }

    /** A background job of a non-interactive shell inherits SIGINT and SIGTERM ignored: staprun catches them all the same. */
    @Test
    void sigintInheritedAsIgnoredStillRunsTheEndProbes() throws Exception {
        Path file = tmp.resolve("o.txt");
        ProcessBuilder pb = new StapvmCommand(tmp).builder(List.of("-o", file.toString(), "-e",
                "probe begin { println(\"ready\") } probe end { println(\"end\") }"));
        List<String> cmd = new java.util.ArrayList<>(List.of("python3", "-c", "import os, signal, sys;"
                + " signal.signal(signal.SIGINT, signal.SIG_IGN); signal.signal(signal.SIGTERM, signal.SIG_IGN);"
                + " os.execvp(sys.argv[1], sys.argv[1:])"));
        cmd.addAll(pb.command());
        Process p = pb.command(cmd).start();
        for (int i = 0; i < 600 && !(Files.exists(file) && Files.readString(file).startsWith("ready")); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(200);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        Result r = new StapvmCommand(tmp).finish(p);
        assertEquals(new Result("", "", 0), r);
        assertEquals("ready\nend\n", Files.readString(file));
    }

    @Test
    void kernelRuntimeNamesTheMissingModule() throws Exception {
        Result r = run("--runtime=kernel", "-e", "probe begin { exit() }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("stapvm.ko"), r.stderr());
    }

    @Test
    void kernelProbeOnTheUserRuntimeNamesTheMissingModule() throws Exception {
        Result r = run("--runtime=user", "-e", "probe kprobe.function(\"do_nanosleep\") { exit() }");
        assertEquals(new Result("", "stapvm: probe point 'kprobe.function(\"do_nanosleep\")' is not available on the"
                + " userspace runtime: it needs the kernel runtime (the stapvm.ko module, /dev/stapvm)\n"
                + "Pass 5: run failed.  [man error::pass5]\n", 1), r);
    }

    /** stap 4.8 -p2's text; guru mode (-g) lets the same point through to pass 4 */
    @Test
    void absoluteKernelAddressNeedsGuruMode() throws Exception {
        String script = "probe kprobe.statement(0xffffffff810be350).absolute { exit() }";
        assertEquals(new Result("", "semantic error: absolute statement probe in unprivileged script; need stap -g:"
                + " keyword at <input>:1:1\n"
                + "        source: " + script + "\n"
                + "                ^\n\n"
                + "Pass 2: analysis failed.  [man error::pass2]\n", 1), run("-p2", "-e", script));
        assertEquals(0, run("-g", "-p2", "-e", script).exitCode());
    }
}
