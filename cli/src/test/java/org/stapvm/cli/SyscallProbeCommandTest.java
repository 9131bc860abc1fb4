package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * syscall.* from the stapvm command on the userspace runtime (ptrace syscall stops of the -c target):
 * name, argstr and retstr of a known sequence of calls, the same expected text as the kernel runtime's
 * guest test (runtime-native/kmod/tests: progs/syscall_seq.c, scripts/syscalls.stp, expected/syscalls.out).
 */
class SyscallProbeCommandTest {
    private static final Path KMOD_TESTS = StapvmCommand.ROOT.resolve("runtime-native/kmod/tests");

    @Test
    void argstrAndRetstrOfAKnownSequence(@TempDir Path dir) throws Exception {
        String source = Files.readString(KMOD_TESTS.resolve("progs/syscall_seq.c"));
        Path seq = TestTargets.gcc(dir, "syscall_seq", source, "-static", "-no-pie");
        String expected = Files.readString(KMOD_TESTS.resolve("expected/syscalls.out"))
                .replace("@BUF@", "0x" + bufAddress(seq));
        Result r = new StapvmCommand(dir).run("--runtime=user", "-c", seq.toString(),
                KMOD_TESTS.resolve("scripts/syscalls.stp").toString());
        assertEquals("", r.stderr());
        assertEquals(expected, r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void verboseSaysWhichRuntimeAndWhy(@TempDir Path dir) throws Exception {
        Result r = new StapvmCommand(dir).run("-v", "--runtime=user", "-p3", "-e", "probe syscall.getpid { println(argstr) }");
        assertTrue(r.stderr().contains("Runtime: user (ptrace): syscall probes see the -c/-x target's system calls only,"
                + " because --runtime=user\n"), r.stderr());
    }

    /** buf's address in the static, non-PIE program, as nm prints it without leading zeros. */
    private static String bufAddress(Path exe) throws Exception {
        Process nm = new ProcessBuilder("nm", exe.toString()).start();
        String syms = new String(nm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(nm.waitFor(30, TimeUnit.SECONDS));
        for (String line : syms.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[2].equals("buf.0")) {
                return f[0].replaceFirst("^0+", "");
            }
        }
        throw new AssertionError("no buf.0 in " + exe);
    }
}
