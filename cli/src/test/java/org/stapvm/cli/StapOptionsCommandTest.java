package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
