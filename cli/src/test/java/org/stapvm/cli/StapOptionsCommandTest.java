package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
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

    @Test
    void exampleFindsTheScriptByNameUnderStapsExamples() throws Exception {
        assumeTrue(Files.exists(Path.of("/usr/share/systemtap/examples/general/helloworld.stp")), "systemtap-doc installed");
        assertEquals(new Result("hello world\n", "", 0), run("--example", "helloworld.stp"));
        Result parsed = run("--example", "-p1", "helloworld.stp");
        assertTrue(parsed.stdout().startsWith("# parse tree dump\n# file /usr/share/systemtap/examples/general/helloworld.stp\n"),
                parsed.stdout());
        // deeper directories too, as stap searches them
        assertEquals(0, run("--example", "-p1", "input.stp").exitCode());
    }

    @Test
    void exampleNotFoundIsStapsError() throws Exception {
        // the whole file name, no directories, no wildcards, only .stp files: as stap compares them
        for (String name : new String[] {"nosuch.stp", "helloworld", "general/helloworld.stp", "*world.stp", "README"}) {
            assertEquals(new Result("", "Example '" + name + "' was not found under '/usr/share/systemtap/examples'\n", 1),
                    run("--example", name), name);
        }
    }

    @Test
    void exampleIsAFlagForTheScriptFileNotAScriptOfItsOwn() throws Exception {
        // with -e the word after --example is a script argument, as in stap
        assertEquals(new Result("hi\n", "", 0), run("--example", "nosuch.stp", "-e", HI));
        assertEquals(new Result("", "stap: option '--example' doesn't allow an argument\n"
                + "Try '--help' for more information. [man stap]\n"
                + "A message like [man foo] means for more info, run % man foo\n", 1), run("--example=helloworld.stp"));
    }
}
