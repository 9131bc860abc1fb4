package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * process("P").function("F").inline and .call from the stapvm command on the userspace runtime:
 * targets/inlines.c built -O2 -g, where sq is inlined into f and into main and f is a function of its own.
 * .inline fires at each inlined instance, .call at the functions with code of their own only; -l lists
 * what stap 4.8 lists for the same file, its crt functions (which DWARF does not describe) under both.
 */
class InlineCallProbeCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static Path target;

    @BeforeAll
    static void buildTarget() throws Exception {
        target = TestTargets.gcc(build, "inlines", TestTargets.resource("inlines.c"), "-g");
    }

    private String p() {
        return "process(\"" + target + "\")";
    }

    private Result run(String script) throws Exception {
        return new StapvmCommand(tmp).run("-c", target + " 4", "-e", script.replace("P", p()));
    }

    @Test
    void inlineFiresAtEachInlinedInstanceAndCallAtTheFunction() throws Exception {
        Result r = run("global at, calls, atoi, ns, sq "
                + "probe P.function(\"sq\").inline { at[uaddr()]++; sq = pp() } "
                + "probe P.function(\"f\").call { calls++; ns = ns . sprint($n); f = pp() } "
                + "probe P.function(\"atoi\").inline { atoi++ } "
                + "global f probe end { foreach (a in at) { sites++; hits += at[a] } "
                + "printf(\"T %s\\nT %s\\nT sites %d hits %d calls %d n %s atoi %d\\n\", sq, f, sites, hits, calls, ns, atoi) }");
        assertEquals(0, r.exitCode(), r.stderr());
        // 4 rounds: sq inlined in f runs 4 times, its copy in main once; f is called 4 times
        assertEquals(List.of("process(\"" + target + "\").function(\"sq@" + target + ".c:9\").inline",
                "process(\"" + target + "\").function(\"f@" + target + ".c:11\").call",
                "sites 2 hits 5 calls 4 n 0123 atoi 1"), traced(r.stdout()));
        assertTrue(r.stdout().startsWith(TestTargets.untraced(target, "4")), r.stdout());
    }

    @Test
    void listingIsStaps() throws Exception {
        List<String> crt = List.of("__do_global_dtors_aux", "_fini", "_init", "_start", "deregister_tm_clones");
        Result inline = new StapvmCommand(tmp).run("-l", p() + ".function(\"*\").inline");
        assertEquals(0, inline.exitCode(), inline.stderr());
        String src = target + ".c";
        assertEquals(String.join("\n", List.of(
                fn(crt.get(0)) + ".inline", fn("_fini") + ".inline", fn("_init") + ".inline", fn("_start") + ".inline",
                fn("atoi@/usr/include/stdlib.h:362") + ".inline", fn("deregister_tm_clones") + ".inline",
                fn("frame_dummy") + ".inline", fn("register_tm_clones") + ".inline", fn("sq@" + src + ":9") + ".inline"))
                + "\n", inline.stdout());
        Result call = new StapvmCommand(tmp).run("-L", p() + ".function(\"*\").call");
        assertEquals(0, call.exitCode(), call.stderr());
        assertEquals(String.join("\n", List.of(
                fn(crt.get(0)) + ".call", fn("_fini") + ".call", fn("_init") + ".call", fn("_start") + ".call",
                fn("deregister_tm_clones") + ".call", fn("f@" + src + ":11") + ".call $n:int",
                fn("frame_dummy") + ".call", fn("main@" + src + ":22") + ".call $argc:int $argv:char**",
                fn("register_tm_clones") + ".call", fn("show@" + src + ":17") + ".call $round:int"))
                + "\n", call.stdout());
    }

    private String fn(String name) {
        return p() + ".function(\"" + name + "\")";
    }

    @Test
    void misuseIsStapsError() throws Exception {
        Result ret = run("probe P.function(\"sq\").inline.return { }");
        assertEquals(1, ret.exitCode());
        assertTrue(ret.stderr().contains("semantic error: invalid suffix for probe: keyword at :1:"), ret.stderr());
        Result call = run("probe P.function(\"sq\").call { }");
        assertEquals(1, call.exitCode());
        assertTrue(call.stderr().contains("semantic error: no match (similar functions: "), call.stderr());
        Result notInlined = run("probe P.function(\"f\").inline { }");
        assertEquals(1, notInlined.exitCode());
        assertTrue(notInlined.stderr().contains("semantic error: no match (similar functions: f,"), notInlined.stderr());
    }

    /** The lines of out that start with "T ", without it. */
    private static List<String> traced(String out) {
        return out.lines().filter(l -> l.startsWith("T ")).map(l -> l.substring(2)).toList();
    }
}
