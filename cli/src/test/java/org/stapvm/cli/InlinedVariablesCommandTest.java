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
 * Inlined copies of a function from the stapvm command on the userspace runtime: targets/inlvars.c built
 * -O2 -g, where scale (no code of its own) is inlined into run, at run's first instruction, and into main.
 * As stap 4.8, a plain .function("scale") takes every inlined copy, and there, as in .inline, $k, $p->x,
 * $p->y and $$parms are the instance's own (from its DWARF at its entry pc, the caller's frame base): what
 * the program prints inside scale, line for line. -L lists what stap 4.8 lists (for a function inlined in
 * two places, the variables both copies have), and an unknown local is stap's error naming the instance.
 */
class InlinedVariablesCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static Path target;

    @BeforeAll
    static void buildTarget() throws Exception {
        target = TestTargets.gcc(build, "inlvars", TestTargets.resource("inlvars.c"), "-g");
    }

    private String p() {
        return "process(\"" + target + "\")";
    }

    private Result run(String script) throws Exception {
        return new StapvmCommand(tmp).run("-c", target + " 3", "-e", script.replace("P", p()));
    }

    /** What the program prints inside scale ("scale X Y K"), as the probe must see it at each call. */
    private static List<String> programScales() throws Exception {
        return TestTargets.untraced(target, "3").lines().filter(l -> l.startsWith("scale ")).toList();
    }

    @Test
    void aPlainFunctionProbeReadsEachInlinedCopysVariables() throws Exception {
        Result r = run("probe P.function(\"scale\") { printf(\"T scale %d %d %d\\n\", $p->x, $p->y, $k) }");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        List<String> scales = programScales();
        assertEquals(4, scales.size()); // 3 rounds through run's copy, one in main's
        assertEquals(scales, traced(r.stdout()));
        // main's copy has its local s (x * k, a DW_OP_mul location) at entry; run's has it in a later block
        Result vars = run("probe P.function(\"scale\") { printf(\"T %s\\n\", $$vars) }");
        List<String> v = traced(vars.stdout());
        assertEquals(4, v.size(), vars.stdout());
        String[] last = scales.get(3).split(" ");
        int s = Integer.parseInt(last[1]) * Integer.parseInt(last[3]);
        assertTrue(v.get(3).matches("k=0x3 p=0x[0-9a-f]+ s=0x" + Integer.toHexString(s)), v.get(3));
        assertTrue(v.get(0).matches("k=0x2 p=0x[0-9a-f]+"), v.get(0));
    }

    @Test
    void inlineProbesReadTheSame() throws Exception {
        Result r = run("probe P.function(\"scale\").inline { printf(\"T scale %d %d %d\\n\", $p->x, $p->y, $k) } "
                + "probe P.function(\"scale\").inline { printf(\"T %s\\n\", $$parms) }");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> out = traced(r.stdout());
        assertEquals(programScales(), out.stream().filter(l -> l.startsWith("scale ")).toList());
        List<String> parms = out.stream().filter(l -> !l.startsWith("scale ")).toList();
        assertEquals(4, parms.size(), r.stdout());
        for (int i = 0; i < 4; i++) {
            String k = programScales().get(i).split(" ")[3];
            assertTrue(parms.get(i).matches("k=0x" + Integer.toHexString(Integer.parseInt(k)) + " p=0x[0-9a-f]+"), parms.get(i));
        }
    }

    @Test
    void listingIsStaps() throws Exception {
        Result all = new StapvmCommand(tmp).run("-L", p() + ".function(\"*\")");
        assertEquals(0, all.exitCode(), all.stderr());
        String src = target + ".c";
        // stap 4.8 -L on the same file
        assertEquals(String.join("\n", List.of(
                fn("__do_global_dtors_aux"), fn("_fini"), fn("_init"), fn("_start"),
                fn("atoi@/usr/include/stdlib.h:362") + " $__nptr:char const*",
                fn("deregister_tm_clones"), fn("frame_dummy"),
                fn("main@" + src + ":20") + " $argc:int $argv:char** $q:struct pt",
                fn("register_tm_clones"),
                fn("run@" + src + ":15") + " $p:struct pt* $k:int",
                fn("scale@" + src + ":8") + " $k:int $p:struct pt*")) + "\n", all.stdout());
        Result inline = new StapvmCommand(tmp).run("-L", p() + ".function(\"scale\").inline");
        assertEquals(fn("scale@" + src + ":8") + ".inline $k:int $p:struct pt*\n", inline.stdout());
        Result plain = new StapvmCommand(tmp).run("-l", p() + ".function(\"scale\")");
        assertEquals(fn("scale@" + src + ":8") + "\n", plain.stdout());
    }

    @Test
    void anUnknownLocalIsStapsErrorAtTheCopyWithoutIt() throws Exception {
        // s lives in a block of run's copy that starts after the copy's entry: stap 4.8 names that copy
        Result r = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p() + ".function(\"scale\") { println($s) }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("semantic error: unable to find local 's', [man error::dwarf] dieoffset 0x"),
                r.stderr());
        // stap names the file as the compiler was given it: here by its absolute path
        assertTrue(r.stderr().contains(" in " + target + ", near pc 0x1210 in scale " + target + ".c (alternatives: $k, $p)): "
                + "identifier '$s' at <input>:1:"), r.stderr());
    }

    private String fn(String name) {
        return p() + ".function(\"" + name + "\")";
    }

    /** The lines of out that start with "T ", without it. */
    private static List<String> traced(String out) {
        return out.lines().filter(l -> l.startsWith("T ")).map(l -> l.substring(2)).toList();
    }
}
