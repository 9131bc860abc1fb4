package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * process() probes on the kinds of program the breakpoint engine must not disturb: recursion
 * (entry and .return at every depth), a probed function running inside a signal handler, built
 * as PIE, non-PIE and static executables, under every breakpoint mode. Counts are exact and the
 * program's own output is what it prints untraced. A process attached with -x goes on unharmed
 * when SIGINT ends the trace.
 */
class ProcessTargetsCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTargets() throws Exception {
        String recurseSignal = TestTargets.resource("recurse_signal.c");
        TestTargets.gcc(build, "pie", recurseSignal);
        TestTargets.gcc(build, "nopie", recurseSignal, "-no-pie");
        TestTargets.gcc(build, "static", recurseSignal, "-static");
        TestTargets.gcc(build, "ticker", TestTargets.resource("ticker.c"));
    }

    private static String untraced(Path target) throws Exception {
        Process p = new ProcessBuilder(target.toString(), "15", "5").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.waitFor());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"pie,emulate", "pie,xol", "pie,step", "pie,auto", "nopie,auto", "nopie,xol",
                "static,auto", "static,emulate", "static,xol", "static,step"})
    void recursionAndSignalHandlersAreCountedExactly(String variant, String mode) throws Exception {
        Path target = build.resolve(variant);
        String p = "process(\"" + target + "\")";
        Result r = new StapvmCommand(tmp).run("--breakpoint=" + mode, "-c", target + " 15 5", "-e",
                "global f, r, h probe " + p + ".function(\"fib\") { f++ } "
                        + "probe " + p + ".function(\"fib\").return { r++ } "
                        + "probe " + p + ".function(\"in_handler\") { h += uint_arg(1) } "
                        + "probe end { printf(\"f=%d r=%d h=%d\\n\", f, r, h) }");
        // fib(15) makes 1973 calls; five SIGUSR1 (10) each call in_handler(10) once
        assertEquals("fib(15)=610 fib_calls=1973 handler_calls=5\n", untraced(target));
        assertEquals(new Result(untraced(target) + "f=1973 r=1973 h=50\n", "", 0), r);
    }

    @Test
    void attachedProcessGoesOnAfterSigintEndsTheTrace() throws Exception {
        Path target = build.resolve("ticker");
        // 30 s of ticks: the trace must attach while it runs, and a loaded host (load 40 seen) can
        // take more than the 3 s of 300 ticks to start the JVM and compile
        Process ticker = new ProcessBuilder(target.toString(), "3000").start();
        // the JVM starts a child through jspawnhelper, which then execs the program: attach only
        // once the pid runs the ticker (a loaded host once caught it before the exec)
        Path exe = Path.of("/proc", Long.toString(ticker.pid()), "exe");
        for (int i = 0; i < 200 && !Files.readSymbolicLink(exe).equals(target.toRealPath()); i++) {
            Thread.sleep(50);
        }
        StapvmCommand stapvm = new StapvmCommand(tmp);
        Process p = stapvm.builder(List.of("-x", Long.toString(ticker.pid()), "-e",
                "global n probe begin { println(\"attached\") } "
                        + "probe process(\"" + target + "\").function(\"tick\") { n++ } "
                        + "probe end { printf(\"ticks seen: %s\\n\", n > 0 ? \"yes\" : \"no\") }")).start();
        Path out = tmp.resolve("out");
        for (int i = 0; i < 600 && !Files.readString(out).startsWith("attached"); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(500);
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertEquals(new Result("attached\nticks seen: yes\n", "", 0), stapvm.finish(p));
        assertTrue(ticker.isAlive(), "the attached process ended with the trace");
        String tickerOut = new String(ticker.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        assertEquals(0, ticker.waitFor());
        assertEquals("done ticks=3000\n", tickerOut);
    }
}
