package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
    void passNumberIsReadAsStapReadsIt() throws Exception {
        assertTrue(run("-p", "+1", "-e", HI).stdout().startsWith("# parse tree dump\n"));
        for (String pass : new String[] {"abc", "2 ", "", "0", "6"}) {
            assertEquals(new Result("", "Invalid pass number (should be 1-5).\n", 1), run("-p", pass, "-e", HI), "-p '" + pass + "'");
        }
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
        // with -e the word after --example is a script argument, as in stap (which warns that the script leaves it unused)
        assertEquals(new Result("hi\n", "WARNING: unused command line option $1/@1\n", 0),
                run("--example", "nosuch.stp", "-e", HI));
        assertEquals(new Result("", "stap: option '--example' doesn't allow an argument\n"
                + "Try '--help' for more information. [man stap]\n"
                + "A message like [man foo] means for more info, run % man foo\n", 1), run("--example=helloworld.stp"));
    }

    /** stap's warning for {@code $nosuch} at column {@code column} of the one-line script {@code script}. */
    private static String substituted(String script, String name, int column) {
        return "WARNING: Bad $context variable being substituted with literal 0: identifier '" + name + "' at <input>:1:"
                + column + "\n source: " + script + "\n" + " ".repeat(8 + column) + "^\n";
    }

    @Test
    void skipBadvarsMakesAnUnresolvedTargetTheLiteralZero() throws Exception {
        String script = "probe begin { println($nosuch + 1) exit() }";
        assertEquals(new Result("1\n", substituted(script, "$nosuch", 23), 0), run("--skip-badvars", "-e", script));
        // @defined is not a use: it stays false, and nothing is told
        String defined = "probe begin { println(@defined($nosuch) ? \"yes\" : \"no\") exit() }";
        assertEquals(new Result("no\n", "", 0), run("--skip-badvars", "-e", defined));
        assertEquals(new Result("1\n", "", 0), run("--skip-badvars", "-w", "-e", script));
    }

    @Test
    void skipBadvarsInAFunctionProbeKeepsTheTargetsThatResolve() throws Exception {
        Path target = TestTargets.gcc(tmp, "t", Files.readString(StapvmCommand.ROOT.resolve("runtime-native/dwarf/tests/target.c")),
                "-O0", "-g");
        String script = "probe process(\"" + target + "\").function(\"walk\") { printf(\"T %d %d %d\\n\", $limit, $nosuch, $head->nosuch) }";
        Result r = run("--skip-badvars", "-c", target + " 3", "-e", script);
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals(List.of("T 1 0 0", "T 2 0 0", "T 3 0 0"), r.stdout().lines().filter(l -> l.startsWith("T ")).toList());
        // a warning is told once by its text: the second is counted
        int column = script.indexOf("$nosuch") + 1;
        assertEquals(substituted(script, "$nosuch", column) + "Number of similar warning messages suppressed: 1.\n"
                + "Rerun with -v to see them.\n", r.stderr());
    }

    @Test
    void skipBadvarsReadsMemoryThatFaultsAsZero() throws Exception {
        // stap's STP_SKIP_BADVARS: loc2c's deref fault is 0, kernel_long & co and kernel_string too
        assertEquals(new Result("0\n0\n[]\n", "", 0), run("--skip-badvars", "-e",
                "probe begin { println(kernel_long(0)) println(kernel_int(8)) printf(\"[%s]\\n\", kernel_string(16)) exit() }"));
        Path target = TestTargets.gcc(tmp, "t", Files.readString(StapvmCommand.ROOT.resolve("runtime-native/dwarf/tests/target.c")),
                "-O0", "-g");
        String script = "probe process(\"" + target + "\").function(\"walk\") { printf(\"T %d\\n\", $head->next->next->next->next->value) }";
        Result faulted = run("-c", target + " 1", "-e", script);
        assertTrue(faulted.stderr().startsWith("ERROR: read fault [man error::fault] at 0x8 near identifier '$head'"), faulted.stderr());
        Result skipped = run("--skip-badvars", "-c", target + " 1", "-e", script);
        assertEquals(new Result("T 0\n", "", 0),
                new Result(skipped.stdout().lines().filter(l -> l.startsWith("T ")).map(l -> l + "\n").findFirst().orElse(""),
                        skipped.stderr(), skipped.exitCode()));
    }

    @Test
    void skipBadvarsLeavesNothingToStoreInto() throws Exception {
        String script = "probe begin { $x = 1 }";
        assertEquals(new Result("", substituted(script, "$x", 15)
                + "semantic error: Expecting lvalue for assignment: operator '=' at :1:18\n"
                + "        source: " + script + "\n" + " ".repeat(33) + "^\n"
                + "identifier '$x' at :1:15\n"
                + "        source: " + script + "\n" + " ".repeat(30) + "^\n\n"
                + "Pass 2: analysis failed.  [man error::pass2]\n", 1), run("--skip-badvars", "-p2", "-e", script));
        // as in stap, a target is never something to delete, resolved or not
        assertEquals(new Result("", "semantic error: invalid operand of delete expression: identifier '$y' at <input>:1:22\n"
                + "        source: probe begin { delete $y }\n" + " ".repeat(37) + "^\n\n"
                + "Pass 2: analysis failed.  [man error::pass2]\n", 1), run("--skip-badvars", "-p2", "-e", "probe begin { delete $y }"));
    }

    /** A run with {@code env} added to (null values: removed from) the environment. */
    private Result runWith(java.util.Map<String, String> env, String... args) throws Exception {
        StapvmCommand command = new StapvmCommand(tmp);
        ProcessBuilder pb = command.builder(List.of(args));
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        return command.finish(pb.start());
    }

    private Result runWithRc(String rc, String... args) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("stapdir"));
        Files.writeString(dir.resolve("rc"), rc);
        return runWith(java.util.Map.of("SYSTEMTAP_DIR", dir.toString(), "STAPVM_RC_TEST", "42"), args);
    }

    @Test
    void rcFileWordsComeBeforeTheCommandLine() throws Exception {
        Result parsed = runWithRc("-p1\n", "-e", HI);
        assertTrue(parsed.stdout().startsWith("# parse tree dump\n"), parsed.stdout());
        // the command line's own -p comes later and wins
        assertEquals(new Result("hi\n", "", 0), runWithRc("-p1\n", "-p5", "-e", HI));
        // each line is split as wordexp(3) splits it: quotes, variables, several lines
        assertEquals(new Result("42 x y\n", "", 0), runWithRc("-G g=$STAPVM_RC_TEST\n-G 'h=x' -G \"i=\"y\n",
                "-e", "global g = 0, h = \"\", i = \"\" probe begin { printf(\"%d %s %s\\n\", g, h, i) exit() }"));
        Result verbose = runWithRc("-p1 -w\n", "-vv", "-e", HI);
        assertTrue(verbose.stderr().startsWith("Extra options in " + tmp.resolve("stapdir") + "/rc: 2\n"), verbose.stderr());
    }

    @Test
    void rcFileIsInTheHomeDirectoryWithoutSystemtapDir() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve(".systemtap"));
        Files.writeString(home.resolve(".systemtap/rc"), "-p1");
        java.util.Map<String, String> env = new java.util.HashMap<>();
        env.put("SYSTEMTAP_DIR", null);
        env.put("HOME", home.toString());
        assertTrue(runWith(env, "-e", HI).stdout().startsWith("# parse tree dump\n"));
    }

    @Test
    void rcFileThatDoesNotExpandIsStapsError() throws Exception {
        String refused = "Error processing extra options in " + tmp.resolve("stapdir") + "/rc"; // no newline, as stap
        for (String rc : new String[] {"-p1 \"unbalanced", "-p1 $(echo 1)", "-p1 $STAPVM_RC_UNDEFINED", "-p1 a|b", "-p1\n-w ;"}) {
            assertEquals(new Result("", refused, 1), runWithRc(rc, "-e", HI), rc);
        }
    }
}
