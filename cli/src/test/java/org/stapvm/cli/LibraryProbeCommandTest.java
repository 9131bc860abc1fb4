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
 * process("P").library("LIB").function(...) from the stapvm command on the userspace runtime, with
 * targets/inlines.c (which calls printf 5 times and puts once in 4 rounds): LIB as a soname, a glob and a
 * path resolve to the libc the program loads; pp() names the library's function and -l lists it under
 * the program, as stap 4.8; a library the program does not load is stap's "no match" with the ones it does.
 */
class LibraryProbeCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static Path target;
    private static String libc;

    @BeforeAll
    static void buildTarget() throws Exception {
        target = TestTargets.gcc(build, "libs", TestTargets.resource("inlines.c"));
        libc = Path.of("/lib/x86_64-linux-gnu/libc.so.6").toRealPath().toString();
    }

    @Test
    void eachFormOfLibFiresInTheLibcTheProgramLoads() throws Exception {
        String p = "process(\"" + target + "\")";
        Result r = new StapvmCommand(tmp).run("-c", target + " 4", "-e", "global n, at "
                + "probe " + p + ".library(\"libc.so.6\").function(\"puts\") { n[\"soname\"]++; at[\"soname\"] = pp() } "
                + "probe " + p + ".library(\"libc.so*\").function(\"printf\") { n[\"glob\"]++ } "
                + "probe " + p + ".library(\"/lib/x86_64-linux-gnu/libc.so.6\").function(\"printf\") { n[\"path\"]++ } "
                + "probe end { foreach (k+ in n) printf(\"V %s %d\\n\", k, n[k]); printf(\"V %s\\n\", at[\"soname\"]) }");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> v = r.stdout().lines().filter(l -> l.startsWith("V ")).map(l -> l.substring(2)).toList();
        assertEquals(List.of("glob 5", "path 5", "soname 1"), v.subList(0, 3));
        assertTrue(v.get(3).startsWith("process(\"" + libc + "\").function(\""), v.get(3));
        assertEquals(TestTargets.untraced(target, "4").lines().toList(),
                r.stdout().lines().filter(l -> !l.startsWith("V ")).toList());
    }

    @Test
    void listingAndErrorsAreStaps() throws Exception {
        String p = "process(\"" + target + "\")";
        Result l = new StapvmCommand(tmp).run("-l", p + ".library(\"libc.so.6\").plt(\"__tls_get_addr\")");
        assertEquals(0, l.exitCode(), l.stderr());
        assertEquals(p + ".library(\"" + libc + "\").plt(\"__tls_get_addr\")\n", l.stdout());
        Result none = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".library(\"libnosuch.so\").function(\"puts\") { }");
        assertEquals(1, none.exitCode());
        assertTrue(none.stderr().contains("semantic error: no match (similar libraries: /lib64/ld-linux-x86-64.so.2, "
                + "/lib/x86_64-linux-gnu/libc.so.6)\n"), none.stderr());
    }
}
