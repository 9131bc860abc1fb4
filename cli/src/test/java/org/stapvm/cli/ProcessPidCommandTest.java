package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * process(PID).function(...) from the stapvm command on the userspace runtime: the probes are those of the
 * program the running process PID executes (targets/ticker.c), named in pp() by its path as stap 4.8
 * does, and the run traces PID without -x; a PID no process has is stap's error.
 */
class ProcessPidCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static Path ticker;

    @BeforeAll
    static void buildTarget() throws Exception {
        ticker = TestTargets.gcc(build, "ticker", TestTargets.resource("ticker.c"), "-g");
    }

    @Test
    void probesTheRunningProcess() throws Exception {
        Process running = new ProcessBuilder(ticker.toString(), "100000").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(200);
            Result r = new StapvmCommand(tmp).run("-e", "global n probe process(" + running.pid() + ").function(\"tick\") { "
                    + "n++; at = pp(); if (n == 3) exit() } global at probe end { printf(\"V %d %s\\n\", n, at) }");
            assertEquals(0, r.exitCode(), r.stderr());
            List<String> v = r.stdout().lines().filter(l -> l.startsWith("V ")).toList();
            assertEquals(1, v.size(), r.stdout());
            assertTrue(v.get(0).startsWith("V 3 process(\"" + ticker.toRealPath() + "\").function(\"tick@"), v.get(0));
            assertTrue(running.isAlive(), "the traced process goes on after the session");
        } finally {
            running.destroy();
            running.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPidNoProcessHasIsStapsError() throws Exception {
        Result r = new StapvmCommand(tmp).run("-p2", "-e", "probe process(99999999).function(\"main\") { }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("semantic error: cannot probe pid 99999999: No such process\n"), r.stderr());
    }
}
