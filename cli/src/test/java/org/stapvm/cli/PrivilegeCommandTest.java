package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * --privilege and --unprivileged from the stapvm command, with stap 4.8's texts and exit codes
 * (recorded from stap: conformance/cases/priv_*): the option's own refusals, the probe points and
 * functions stapusr may not use, what it may, and the level the module records.
 */
class PrivilegeCommandTest {
    private static final String HI = "probe begin { println(\"hi\") exit() }";
    private static final String TRY = "Try '--help' for more information. [man stap]\n"
            + "A message like [man foo] means for more info, run % man foo\n";
    private static final String PASS2 = "Pass 2: analysis failed.  [man error::pass2]\n";

    @TempDir
    Path tmp;

    /** stap's source line of an error with its caret under column col. */
    private static String source(String line, int col) {
        return "        source: " + line + "\n" + " ".repeat(16 + col - 1) + "^\n";
    }

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    @Test
    void guruModeAndALowerLevelAreRefusedTogether() throws Exception {
        assertEquals(new Result("", "You can't specify -g and --privilege=stapusr together.\n" + TRY, 1),
                run("-g", "--privilege=stapusr", "-e", HI));
        assertEquals(new Result("", "You can't specify -g and --privilege=stapusr together.\n" + TRY, 1),
                run("--unprivileged", "-g", "-e", HI));
        assertEquals(new Result("", "You can't specify -g and --privilege=stapsys together.\n" + TRY, 1),
                run("--privilege=stapsys", "-g", "-e", HI));
        assertEquals(new Result("hi\n", "", 0), run("-g", "--privilege=stapdev", "-e", HI));
    }

    @Test
    void anUnknownLevelOrASecondOneIsRefused() throws Exception {
        assertEquals(new Result("", "Invalid argument 'bogus' for --privilege.\n", 1), run("--privilege=bogus", "-e", HI));
        assertEquals(new Result("", "Invalid argument '' for --privilege.\n", 1), run("--privilege=", "-e", HI));
        assertEquals(new Result("", "Privilege level may be set only once.\n", 1),
                run("--unprivileged", "--privilege=stapdev", "-e", HI));
        assertEquals(new Result("", "Privilege level may be set only once.\n", 1),
                run("--privilege=stapusr", "--privilege=stapsys", "-e", HI));
        // the same level twice is one level; the separate-word form is getopt's too
        assertEquals(new Result("hi\n", "", 0), run("--privilege=stapusr", "--unprivileged", "-e", HI));
        assertEquals(new Result("hi\n", "", 0), run("--privilege", "stapsys", "-e", HI));
    }

    @Test
    void kernelProbePointsAreNotAllowedForStapusr() throws Exception {
        String kernel = "probe kernel.function(\"vfs_read\").return { exit() }";
        assertEquals(new Result("", "semantic error: while resolving probe point: identifier 'kernel' at <input>:1:7\n"
                + source(kernel, 7) + "\nsemantic error: probe point is not allowed for --privilege=stapusr: keyword at :1:35\n"
                + source(kernel, 35) + "\n" + PASS2, 1), run("--privilege=stapusr", "-e", kernel));
        // stapusr's refusal, not -g's "absolute statement probe in unprivileged script"
        String absolute = "probe timer.s(1), kprobe.statement(0x1000).absolute { exit() }";
        assertEquals(new Result("", "semantic error: while resolving probe point: identifier 'kprobe' at <input>:1:19\n"
                + source(absolute, 19) + "\nsemantic error: probe point is not allowed for --privilege=stapusr: identifier 'absolute' at :1:44\n"
                + source(absolute, 44) + "\n" + PASS2, 1), run("--unprivileged", "-e", absolute));
    }

    @Test
    void functionsThatReadTheKernelAreNotAllowedForStapusr() throws Exception {
        assertEquals(new Result("", """
                semantic error: function may not be used when --privilege=stapusr is specified: identifier 'kernel_string' at /usr/share/systemtap/tapset/linux/conversions.stp:18:10
                        source: function kernel_string:string (addr:long) %{ /* pure */
                                         ^

                """ + PASS2, 1), run("--privilege=stapusr", "-e", "probe begin { println(kernel_string(0)) exit() }"));
        // stap refuses the argument functions at the one they call
        Result arg = run("--privilege=stapusr", "-e", "probe begin { println(uint_arg(1)) exit() }");
        assertEquals(1, arg.exitCode());
        assertTrue(arg.stderr().startsWith("semantic error: function may not be used when --privilege=stapusr is specified: "
                + "identifier '_stp_arg2' at /usr/share/systemtap/tapset/x86_64/registers.stp:181:10\n"), arg.stderr());
        // a native stap defines with an embedded expression is named at the call
        String task = "probe begin { x = task_current() print(x) exit() }";
        assertEquals(new Result("", "semantic error: function may not be used when --privilege=stapusr is specified: "
                + "identifier 'task_current' at <input>:1:19\n" + source(task, 19) + "\n" + PASS2, 1),
                run("--privilege=stapusr", "-e", task));
        // stapdev (the default) may
        assertEquals(0, run("-p2", "-e", "probe begin { println(kernel_string(0)) exit() }").exitCode());
    }

    @Test
    void stapusrProbesItsOwnProcessesWithTheirVariables() throws Exception {
        Path target = TestTargets.gcc(tmp, "own", "__attribute__((noinline)) int f(int x) { return x + 1; }\n"
                + "int main(void) { return f(1) - 2; }\n", "-g");
        String p = "process(\"" + target + "\")";
        Result r = run("--privilege=stapusr", "-c", target.toString(), "-e",
                "probe " + p + ".function(\"f\") { printf(\"f %d %d\\n\", $x, pid() == target()) } "
                        + "probe " + p + ".function(\"f\").return { printf(\"ret %d\\n\", $return) } "
                        + "probe process.end { printf(\"end %s\\n\", execname()) }");
        assertEquals(new Result("f 1 1\nret 2\nend own\n", "", 0), r);
        assertEquals(new Result("stapusr\n", "", 0), run("--unprivileged", "-e",
                "probe begin { %( systemtap_privilege == \"stapusr\" %? println(\"stapusr\") %: println(\"other\") %) exit() }"));
    }

    @Test
    void theModuleRecordsItsLevel() throws Exception {
        String limits = "; limits MAXACTION=1000 MAXSTRINGLEN=512 MAXMAPENTRIES=2048 MAXNESTING=1 MAXERRORS=0 MAXSKIPPED=100";
        assertEquals(limits + " PRIVILEGE=stapusr", run("-p3", "--unprivileged", "-e", HI).stdout().lines().findFirst().orElse(""));
        assertEquals(limits + " PRIVILEGE=stapsys", run("-p3", "--privilege=stapsys", "-e", HI).stdout().lines().findFirst().orElse(""));
        assertEquals(limits, run("-p3", "--privilege=stapdev", "-e", HI).stdout().lines().findFirst().orElse(""));
    }
}
