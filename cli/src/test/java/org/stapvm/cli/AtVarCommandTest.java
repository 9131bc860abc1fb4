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
 * @var("NAME[@FILE]"[, "MODULE"]) and $NAME for a global of a userspace program, from the stapvm command on the
 * userspace runtime: targets/inlines.c built -O2 -g as a PIE, whose show() prints the global counter. Each
 * form reads the value the program prints at that point; a .return reads it as at entry; unknown names and
 * files are stap's errors.
 */
class AtVarCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static Path target;

    @BeforeAll
    static void buildTarget() throws Exception {
        target = TestTargets.gcc(build, "inlines", TestTargets.resource("inlines.c"), "-g", "-pie", "-fPIE");
    }

    private Result run(String script) throws Exception {
        return new StapvmCommand(tmp).run("-c", target + " 4", "-e", script.replace("P", "process(\"" + target + "\")"));
    }

    private static List<String> lines(String out, String prefix) {
        return out.lines().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).toList();
    }

    @Test
    void everyFormReadsWhatTheProgramPrints() throws Exception {
        Result r = run("probe P.function(\"show\") { printf(\"V %d %d %d %d %d\\n\", $round, @var(\"counter\"), "
                + "@var(\"counter@inlines.c\"), $counter, @var(\"counter\", \"" + target + "\")) }");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> seen = lines(r.stdout(), "counter ");
        assertEquals(List.of("0 7", "1 8", "2 10", "3 13"), seen);
        assertEquals(seen.stream().map(l -> l + " " + l.split(" ")[1] + " " + l.split(" ")[1] + " " + l.split(" ")[1]).toList(),
                lines(r.stdout(), "V "));
    }

    @Test
    void aReturnProbeReadsItAsAtEntry() throws Exception {
        Result r = run("probe P.function(\"f\").return { printf(\"V %d %d\\n\", @var(\"counter\"), $return) }");
        assertEquals(0, r.exitCode(), r.stderr());
        // f(n) adds n to counter (7 at first) and returns n*n+1
        assertEquals(List.of("7 1", "7 2", "8 5", "10 10"), lines(r.stdout(), "V "));
        assertTrue(r.stderr().contains("WARNING: confusing usage, value is captured as @entry(@var(\"counter\")) in .return probe"),
                r.stderr());
    }

    @Test
    void unknownNamesAreStapsErrors() throws Exception {
        Result r = run("probe P.function(\"show\") { println(@var(\"nosuch\")) }");
        assertEquals(1, r.exitCode());
        assertTrue(r.stderr().startsWith("semantic error: unable to find global 'nosuch' in " + target
                + ": operator '@var' at <input>:1:"), r.stderr());
        Result file = run("probe P.function(\"show\") { println(@var(\"counter@nosuch.c\")) }");
        assertEquals(1, file.exitCode());
        assertTrue(file.stderr().startsWith("semantic error: unable to find global 'counter' in " + target
                + ", in nosuch.c: operator '@var' at <input>:1:"), file.stderr());
    }
}
