package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * input.char and input.line (tapsets/input.stp on procfs("__stdin").write): the userspace
 * runtime's loader reads its standard input and runs them a byte at a time, as stap's staprun
 * feeds the module; a line keeps its newline, text after the last newline is never a line, and
 * the end of the input does not end the script. Other procfs files are stapvm.ko's: the userspace
 * runtime refuses them with that reason.
 */
class InputProbeCommandTest {
    @TempDir
    Path tmp;

    private Result runWithInput(String input, String script) throws Exception {
        Path in = tmp.resolve("in");
        Files.writeString(in, input, StandardCharsets.ISO_8859_1);
        StapvmCommand c = new StapvmCommand(tmp);
        return c.finish(c.builder(List.of("-e", script)).redirectInput(in.toFile()).start());
    }

    @Test
    void charsAndLinesInInputOrder() throws Exception {
        Result r = runWithInput("ab\ncd\nef", "probe input.char { printf(\"[%s]\", char) } "
                + "probe input.line { printf(\"<%s>\", line); if (line == \"cd\\n\") exit() } "
                + "probe end { printf(\"\\n%s\\n\", pp()) }");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("[a][b][\n]<ab\n>[c][d][\n]<cd\n>\nend\n", r.stdout());
    }

    @Test
    void theEndOfTheInputIsNoLineAndNoExit() throws Exception {
        Result r = runWithInput("x\ny", "probe input.line { printf(\"<%s>\", line) } "
                + "probe input.char { printf(\"%s|\", pp()) } probe timer.ms(700) { printf(\"timer\\n\"); exit() }");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("procfs(\"__stdin\").write|<x\n>procfs(\"__stdin\").write|procfs(\"__stdin\").write|timer\n", r.stdout());
    }

    @Test
    void otherProcfsFilesAreRefusedByTheUserspaceRuntime() throws Exception {
        Result r = new StapvmCommand(tmp).run("--runtime=user", "-e", "probe procfs(\"status\").write { println($value) }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().contains("probe point 'procfs(\"status\").write' is not available on the userspace runtime: "
                + "it needs the kernel runtime (the stapvm.ko module, /dev/stapvm)"), r.stderr());
    }
}
