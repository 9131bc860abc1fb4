package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --dump-functions, --dump-probe-aliases and --dump-probe-types in stap 4.8's shapes, over stapvm's tapsets, -I directories and probe families. */
class LibraryDumpCommandTest {
    @TempDir
    Path dir;

    @Test
    void functionsAreListedAsStapListsThem() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("mine.stp"), "function zz_two:long(a:long, b) { return a }\n"
                + "function zz_two:string(s:string) { return s }\n"
                + "function zz_none() { }\n"
                + "private function zz_private() { }\n"
                + "function _zz_internal() { }\n");
        StapvmCommand.Result r = new StapvmCommand(dir).run("-I", lib.toString(), "--dump-functions");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        List<String> lines = r.stdout().lines().toList();
        // sorted on name:type, so zz_none:unknown sorts before zz_two:long; overloads keep their order
        List<String> mine = lines.stream().filter(l -> l.startsWith("zz_") || l.startsWith("_zz")).toList();
        assertEquals(List.of("zz_none:unknown ()", "zz_two:long (a:long, b:unknown)", "zz_two:string (s:string)"), mine);
        assertTrue(lines.contains("ctime:string (epochsecs:long)"), r.stdout());   // the bundled library
    }

    @Test
    void aliasesAreListedWithTheirTargetsAndMarkers() throws Exception {
        Path lib = Files.createDirectories(dir.resolve("lib"));
        Files.writeString(lib.resolve("mine.stp"), "probe zz.one = timer.ms(100), begin? { }\n"
                + "probe zz.two += end! { }\n"
                + "probe __zz.hidden = begin { }\n");
        StapvmCommand.Result r = new StapvmCommand(dir).run("-I", lib.toString(), "--dump-probe-aliases");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> mine = r.stdout().lines().filter(l -> l.contains("zz")).toList();
        assertEquals(List.of("zz.one = timer.ms(100), begin?", "zz.two += end!"), mine);
    }

    @Test
    void probeTypesComeInStapsTreeOrder() throws Exception {
        StapvmCommand.Result r = new StapvmCommand(dir).run("--dump-probe-types");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> lines = r.stdout().lines().toList();
        assertEquals(List.of("begin", "begin(number)", "end", "end(number)", "error", "error(number)"), lines.subList(0, 6));
        // component by component, as stap walks its point tree: process.* before process(string).*
        assertTrue(lines.indexOf("process.begin") < lines.indexOf("process(string).begin"), r.stdout());
        assertTrue(lines.indexOf("timer.s(number)") + 1 == lines.indexOf("timer.s(number).randomize(number)"), r.stdout());
        assertTrue(lines.containsAll(List.of("kernel.function(string).return", "kernel.trace(string)",
                "process(string).provider(string).mark(string)", "timer.profile", "never")), r.stdout());
    }

    @Test
    void aScriptIsRefusedAsStapRefusesIt() throws Exception {
        StapvmCommand.Result r = new StapvmCommand(dir).run("--dump-functions", "-e", "probe begin {}");
        assertEquals(1, r.exitCode());
        assertEquals("Cannot specify a script with -l/-L/--dump-* switches.\n"
                + "Try '--help' for more information. [man stap]\n"
                + "A message like [man foo] means for more info, run % man foo\n", r.stderr());
    }
}
