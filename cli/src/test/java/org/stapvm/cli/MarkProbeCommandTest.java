package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * SDT marks from the stapvm command on the userspace runtime: targets/marks.c built -O0 (arguments
 * in stack slots) and -O2 (in registers and their parts, memory through a pointer), with and
 * without semaphores. Every $argN the script prints equals what the program prints at that point,
 * line for line; the "guarded" marker fires only while its semaphore is raised by the probe on it;
 * pp(), $$name, $$provider, $$parms, -l and -L are stap's; CPython 3.11's gc markers fire with the
 * generation it collects.
 */
class MarkProbeCommandTest {

    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTargets() throws Exception {
        String src = TestTargets.resource("marks.c");
        TestTargets.gcc(build, "marks_O0", src, "-O0");
        TestTargets.gcc(build, "marks_O2", src);
        TestTargets.gcc(build, "marks_sem_O0", src, "-O0", "-DWITH_SEMAPHORES");
        TestTargets.gcc(build, "marks_sem_O2", src, "-DWITH_SEMAPHORES");
    }

    private static String untraced(Path target, String n) throws Exception {
        return TestTargets.untraced(target, n);
    }

    private Result run(Path target, String n, String script) throws Exception {
        return new StapvmCommand(tmp).run("-c", target + " " + n, "-e", script.replace("P", "process(\"" + target + "\")"));
    }

    /** The lines of out that start with "T ", without it; and (second) the others, in order. */
    private static List<List<String>> split(String out) {
        List<String> traced = new java.util.ArrayList<>();
        List<String> other = new java.util.ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("T ")) {
                traced.add(line.substring(2));
            } else {
                other.add(line);
            }
        }
        return List.of(traced, other);
    }

    @ParameterizedTest
    @ValueSource(strings = {"marks_O0", "marks_O2", "marks_sem_O0", "marks_sem_O2"})
    void everyArgumentIsWhatTheProgramPassed(String variant) throws Exception {
        Path target = build.resolve(variant);
        Result r = run(target, "5", "probe P.mark(\"widths\") { printf(\"T widths %d %d %u %d\\n\", $arg1, $arg2, $arg3, $arg4) } "
                + "probe P.provider(\"demo\").mark(\"item\") { printf(\"T item %d %d %s\\n\", $arg1, $arg2, user_string($arg3)) }");
        String plain = untraced(target, "5");
        assertEquals(new Result(r.stdout(), "", 0), r);
        List<String> own = Arrays.asList(plain.split("\n"));
        assertEquals(List.of(own.subList(0, own.size() - 1), own), split(r.stdout()));
        // without semaphores the guard is always on; with them, only while a probe is on "guarded"
        assertEquals(variant.contains("sem") ? "guarded 0" : "guarded 5", own.get(own.size() - 1));
    }

    @Test
    void semaphoreIsRaisedWhileTheMarkIsProbed() throws Exception {
        Path target = build.resolve("marks_sem_O2");
        Result r = run(target, "4", "global n, sum probe P.mark(\"guarded\") { n++; sum += $arg1 } "
                + "probe end { printf(\"n=%d sum=%d\\n\", n, sum) }");
        assertEquals(untraced(target, "4").replace("guarded 0", "guarded 4") + "n=4 sum=6\n", r.stdout());
        assertEquals(new Result(r.stdout(), "", 0), r);
    }

    @Test
    void contextOfAMark() throws Exception {
        Path target = build.resolve("marks_O2");
        Result r = run(target, "1", "probe P.mark(\"*\") { printf(\"T %s|%s|%s|%s|%s\\n\", pp(), $$name, $$provider, "
                + "$$name == \"item\" ? substr($$parms, 0, 34) : $$parms, $$locals) }");
        String p = "process(\"" + target + "\")";
        assertEquals(List.of(p + ".mark(\"widths\")|widths|demo|$arg1=0x0 $arg2=0x0 $arg3=0xee6b2800 $arg4=0x0|",
                p + ".mark(\"guarded\")|guarded|demo|$arg1=0x0|",
                p + ".mark(\"item\")|item|demo|$arg1=0x7 $arg2=0xffffffefb3acc400|",
                p + ".mark(\"done\")|done|demo||"), split(r.stdout()).get(0));
    }

    @Test
    void listingIsStaps() throws Exception {
        Path target = build.resolve("marks_sem_O2");
        String p = "process(\"" + target + "\")";
        Result l = new StapvmCommand(tmp).run("-L", p + ".provider(\"de*\").mark(\"*\")");
        assertEquals(p + ".provider(\"demo\").mark(\"done\")\n"
                + p + ".provider(\"demo\").mark(\"guarded\") $arg1:long\n"
                + p + ".provider(\"demo\").mark(\"item\") $arg1:long $arg2:long $arg3:long\n"
                + p + ".provider(\"demo\").mark(\"widths\") $arg1:long $arg2:long $arg3:long $arg4:long\n", l.stdout());
        assertEquals(0, l.exitCode());
    }

    @Test
    void errorsAreStaps() throws Exception {
        Path target = build.resolve("marks_O2");
        String p = "process(\"" + target + "\")";
        Result none = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".mark(\"wdths\") {}");
        // stap orders the suggestions of equal distance (done, item) in an order of its own: not asserted
        assertTrue(none.stderr().contains("semantic error: no match (similar marks: widths, "), none.stderr());
        assertEquals(1, none.exitCode());
        Result arg = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".mark(\"guarded\") { println($arg2) }");
        assertTrue(arg.stderr().startsWith("semantic error: debuginfo scope not found for module '" + target
                + "', cannot resolve context variable [man error::dwarf]: identifier '$arg2' at <input>:1:"), arg.stderr());
        Result addr = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".mark(\"guarded\") { println(&$arg1) }");
        assertTrue(addr.stderr().startsWith("semantic error: cannot take address of sdt variable: identifier '$arg1'"), addr.stderr());
        Result member = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".mark(\"guarded\") { println($arg1->x) }");
        assertTrue(member.stderr().startsWith("semantic error: type definition 'guarded_arg1' not found in '" + target + "'"),
                member.stderr());
        Result truncated = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".provider(\"demo\") {}");
        assertTrue(truncated.stderr().contains("semantic error: probe point truncated (follow:  mark(string)): identifier 'provider'"),
                truncated.stderr());
        Result suffix = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".mark(\"done\").return {}");
        assertTrue(suffix.stderr().contains("semantic error: invalid suffix for probe: keyword at"), suffix.stderr());
    }

    @Test
    void pythonGcMarkersFireWithTheGeneration() throws Exception {
        Path python = Path.of("/usr/bin/python3.11");
        if (!Files.isExecutable(python)) {
            return; // Debian 12's python3.11 carries the markers; nothing to probe without it
        }
        Path script = tmp.resolve("gc.py");
        Files.writeString(script, "import gc\ngc.disable()\nfor g in (2, 1, 0, 1):\n    gc.collect(g)\n");
        Result r = new StapvmCommand(tmp).run("-c", python + " " + script, "-e",
                "probe process(\"" + python + "\").mark(\"gc__start\") { printf(\"start %d\\n\", $arg1) } "
                        + "probe process(\"" + python + "\").mark(\"gc-done\") { printf(\"done\\n\") }");
        assertEquals("", r.stderr());
        // interpreter start-up collects too (before gc.disable()): the script's four come as one run
        assertTrue(r.stdout().contains("start 2\ndone\nstart 1\ndone\nstart 0\ndone\nstart 1\ndone\n"), r.stdout());
    }
}
