package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** -t from the stapvm command: stap 4.8's probe hit report after the end probes (cycles vary; the shape does not). */
class TimingCommandTest {
    @TempDir
    Path tmp;

    private static final String SCRIPT = "global n\nprobe begin { n = 1 }\nprobe timer.ms(10) { n++; if (n > 3) exit() }\n"
            + "probe end { println(n) }\n";
    /** One report line: PP, (FILE:L:C), hits, cycles min/avg/max, variance, derivation, index. */
    private static String line(String pp, String where, int hits, String from, int index) {
        return Pattern.quote(pp + ", (" + where + "), hits: " + hits + ", cycles: ")
                + "(\\d+)min/(\\d+)avg/(\\d+)max, variance: (\\d+)" + Pattern.quote(", from: " + from + ", index: " + index) + "\n";
    }

    @Test
    void reportFollowsTheEndProbesOutput() throws Exception {
        Result r = new StapvmCommand(tmp).run("-t", "-e", SCRIPT);
        Matcher m = Pattern.compile("4\n----- probe hit report: \n"
                + line("begin", "<input>:2:1", 1, "begin", 0)
                + line("timer.ms(10)", "<input>:3:1", 3, "timer.ms(10)", 1)
                + line("end", "<input>:4:1", 1, "end", 2)
                + "----- refresh report:\n").matcher(r.stdout());
        assertTrue(m.matches(), r.stdout());
        // the timer's three runs: min <= avg <= max
        long min = Long.parseLong(m.group(5)), avg = Long.parseLong(m.group(6)), max = Long.parseLong(m.group(7));
        assertTrue(min <= avg && avg <= max, r.stdout());
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
    }

    @Test
    void probesThatNeverRanAreLeftOutAndGlobalsDisplayIsAnEndProbe() throws Exception {
        Result r = new StapvmCommand(tmp).run("-t", "-e", "global a\nprobe begin { a = 5; exit() }\nprobe timer.s(100) { a++ }");
        Matcher m = Pattern.compile("a=5\n----- probe hit report: \n"
                + line("begin", "<input>:2:1", 1, "begin", 0)
                + line("end", "<input>:1:8", 1, "end", 2)
                + "----- refresh report:\n").matcher(r.stdout());
        assertTrue(m.matches(), r.stdout());
    }

    @Test
    void withoutTheOptionThereIsNoReport() throws Exception {
        assertEquals(new Result("4\n", "", 0), new StapvmCommand(tmp).run("-e", SCRIPT));
    }
}
