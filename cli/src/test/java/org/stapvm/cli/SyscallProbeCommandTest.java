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

    /**
     * Sockets (sockaddr of AF_UNIX, AF_INET, AF_INET6, families, types, message flags), pipe2, fcntl,
     * epoll, eventfd2 and futex (targets/syscall_more.c): argstr as stap 4.8's decoders print it.
     */
    @Test
    void argstrOfSocketPipeEpollEventfdAndFutexCalls(@TempDir Path dir) throws Exception {
        Path exe = TestTargets.gcc(dir, "syscall_more", TestTargets.resource("syscall_more.c"), "-static", "-no-pie");
        Files.writeString(dir.resolve("syscall_more.stp"), TestTargets.resource("syscall_more.stp"));
        String expected = TestTargets.resource("syscall_more.out").replace("@WORD@", "0x" + address(exe, "word"));
        Result r = new StapvmCommand(dir).run("--runtime=user", "-c", exe.toString(), dir.resolve("syscall_more.stp").toString());
        assertEquals("", r.stderr());
        assertEquals(expected, r.stdout());
        assertEquals(0, r.exitCode());
    }

    /** @entry in syscall.NAME.return and process.syscall.return: the value at the call's entry stop. */
    @Test
    void entryInSyscallReturnProbesIsTheEntryValue(@TempDir Path dir) throws Exception {
        Result r = new StapvmCommand(dir).run("--runtime=user", "-c", "/bin/echo hi", "-e",
                "global w, d probe syscall.write.return { if (pid() == target()) w[@entry(execname()), @entry(tid()) == tid()] = retstr }"
                + " probe process.syscall.return { if ($syscall == 1 && pid() == target()) d = @entry($syscall) }"
                + " probe end { foreach ([n, same] in w) printf(\"%s %d %s\\n\", n, same, w[n, same]); println(d) }");
        assertEquals("", r.stderr());
        assertEquals("hi\necho 1 3\n1\n", r.stdout());
        assertEquals(0, r.exitCode());
    }

    @Test
    void verboseSaysWhichRuntimeAndWhy(@TempDir Path dir) throws Exception {
        Result r = new StapvmCommand(dir).run("-v", "--runtime=user", "-p3", "-e", "probe syscall.getpid { println(argstr) }");
        assertTrue(r.stderr().contains("Runtime: user (ptrace): syscall probes see the -c/-x target's system calls only,"
                + " because --runtime=user\n"), r.stderr());
    }

    /**
     * A script whose syscall probes each act on one call has the command stop only at those calls (a
     * seccomp filter); the filter cannot be removed and, untraced, a filtered call would fail with
     * ENOSYS, so a session that ends first ends the command (SIGTERM, as without ptrace) rather than
     * leave it running: the command must never see a failing getppid, and must be gone after the run.
     */
    @Test
    void sessionEndingFirstEndsAFilteredCommandWhichNeverSeesEnosys(@TempDir Path dir) throws Exception {
        Path marker = dir.resolve("enosys");
        Path pidFile = dir.resolve("pid");
        Path exe = TestTargets.gcc(dir, "getppid_loop", """
                #include <errno.h>
                #include <stdio.h>
                #include <sys/syscall.h>
                #include <unistd.h>
                int main(int argc, char **argv) {
                    FILE *p = fopen(argv[2], "w");
                    fprintf(p, "%d\\n", getpid());
                    fclose(p);
                    for (;;) {
                        if (syscall(SYS_getppid) < 0 && errno == ENOSYS) {
                            FILE *f = fopen(argv[1], "w");
                            fclose(f);
                            return 1;
                        }
                        usleep(100);
                    }
                }
                """);
        Result r = new StapvmCommand(dir).run("--runtime=user", "-c", exe + " " + marker + " " + pidFile, "-e",
                "global n probe syscall.getppid { if (++n == 200) exit() } probe end { println(n >= 200) }");
        assertEquals("", r.stderr());
        assertEquals("1\n", r.stdout());
        assertEquals(0, r.exitCode());
        long pid = Long.parseLong(Files.readString(pidFile).trim());
        Thread.sleep(500);
        assertTrue(ProcessHandle.of(pid).isEmpty(), "the command still runs after the session");
        assertTrue(!Files.exists(marker), "the command saw getppid fail with ENOSYS");
    }

    /** buf's address in the static, non-PIE program, as nm prints it without leading zeros. */
    private static String bufAddress(Path exe) throws Exception {
        return address(exe, "buf.0");
    }

    /** The address of symbol sym in the static, non-PIE program, as nm prints it without leading zeros. */
    private static String address(Path exe, String sym) throws Exception {
        Process nm = new ProcessBuilder("nm", exe.toString()).start();
        String syms = new String(nm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(nm.waitFor(30, TimeUnit.SECONDS));
        for (String line : syms.split("\n")) {
            String[] f = line.trim().split(" ");
            if (f.length == 3 && f[2].equals(sym)) {
                return f[0].replaceFirst("^0+", "");
            }
        }
        throw new AssertionError("no " + sym + " in " + exe);
    }
}
