package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** stap's smaller command-line options from the stapvm command, with stap 4.8's texts and exit codes. */
class StapOptionsCommandTest {
    private static final String HI = "probe begin { println(\"hi\") exit() }";

    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    @Test
    void tapsetCoverageOptionIsAccepted() throws Exception {
        assertEquals(new Result("hi\n", "", 0), run("-q", "-e", HI));
    }

    @Test
    void bufferSizeIsCheckedAsStapChecksIt() throws Exception {
        assertEquals(new Result("hi\n", "", 0), run("-s", "1", "-e", HI));
        assertEquals(new Result("hi\n", "", 0), run("-s4095", "-e", HI));
        String refused = "Invalid buffer size (should be 1-4095).\n";
        for (String size : new String[] {"0", "4096", "-1", "12x", "", "99999999999999999999"}) {
            assertEquals(new Result("", refused, 1), run("-s", size, "-e", HI), "-s '" + size + "'");
        }
    }

    @Test
    void aLaterOptionReplacesAnEarlierOne() throws Exception {
        Result parsed = run("-p", "5", "-p1", "-e", HI);
        assertEquals(new Result("", "", 0), new Result("", parsed.stderr(), parsed.exitCode()));
        assertTrue(parsed.stdout().startsWith("# parse tree dump\n"), parsed.stdout());
        assertEquals(new Result("hi\n", "", 0), run("-p", "1", "-w", "-w", "-p", "5", "-T", "0.5", "-T", "9", "-e", HI));
    }

    @Test
    void aSecondScriptIsRefused() throws Exception {
        assertEquals(new Result("", "Only one script can be given on the command line.\n", 1),
                run("-e", HI, "-e", HI));
    }
}
