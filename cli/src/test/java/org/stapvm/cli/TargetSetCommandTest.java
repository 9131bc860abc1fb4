package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * The target set (tapsets/target_set.stp) on the userspace runtime: a -c shell forks two children;
 * each child's process.end sees the set as stap's target_set_report prints it (the target begat by
 * the loader, stp_pid(), and the child begat by the target); in process.begin ppid() is the traced
 * task's parent (the target), not the loader's.
 * Without a target the set stays empty and no process.begin fires.
 */
class TargetSetCommandTest {
    @TempDir
    Path tmp;

    @Test
    void childrenOfTheTargetAreInTheSetUntilTheyEnd() throws Exception {
        Result r = new StapvmCommand(tmp).run("-c", "sh -c \"/bin/true; /bin/true; sleep 0.2\"", "-e",
                "global begun, other "
                        + "probe begin { printf(\"T=%d L=%d\\n\", target(), stp_pid()) } "
                        + "probe process.begin { if (pid() != target()) { begun++; other += ppid() != target() } } "
                        + "probe process.end { if (pid() != target()) { "
                        + "printf(\"child in=%d\\n\", target_set_pid(pid())); target_set_report() } } "
                        + "probe end { printf(\"end T in=%d L in=%d begun=%d other=%d\\n\", "
                        + "target_set_pid(target()), target_set_pid(stp_pid()), begun > 0, other) }");
        assertEquals(0, r.exitCode(), r.stderr());
        String[] lines = r.stdout().split("\n");
        String t = lines[0].replaceAll("T=(\\d+) L=(\\d+)", "$1");
        String l = lines[0].replaceAll("T=(\\d+) L=(\\d+)", "$2");
        StringBuilder want = new StringBuilder(lines[0] + "\n");
        for (int child = 0; child < 2; child++) {
            String c = lines[1 + child * 4 + 3].replaceAll(".* begat ", "");
            want.append("child in=1\ntarget set:\n")
                .append(l).append(" begat ").append(t).append('\n')
                .append(t).append(" begat ").append(c).append('\n');
        }
        // the sleep child too, then the target has ended: nothing is left
        String c = lines[9 + 3].replaceAll(".* begat ", "");
        want.append("child in=1\ntarget set:\n")
            .append(l).append(" begat ").append(t).append('\n')
            .append(t).append(" begat ").append(c).append('\n')
            .append("end T in=0 L in=0 begun=1 other=0\n");
        assertEquals(want.toString(), r.stdout());
    }

    @Test
    void withoutATargetTheSetIsEmpty() throws Exception {
        Result r = new StapvmCommand(tmp).run("-e",
                "probe process.begin { println(\"begin\") } probe timer.ms(200) { target_set_report(); exit() }");
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("target set:\n", r.stdout());
    }
}
