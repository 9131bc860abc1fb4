package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * The kernel probe families of tapsets/ (vfs.*, signal.*, scheduler.*, kprocess.*, vm.*, ioblock.*): what each alias
 * places for Debian 12's 6.1 kernel (its BTF inside /boot/vmlinuz, as -r reads it): the kernel's
 * tracepoint that stap prefers where the kernel has it ("kernel.trace(...) !"), else stap's function fallback.
 */
class KernelFamiliesCommandTest {
    private static final String KVER = GuestKernel.release().orElse("none");

    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    /** The probe points -p2 lists for the script (the "X /* <- Y *&#47;" lines, X only). */
    private List<String> placed(String script) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/boot/vmlinuz-" + KVER)), "no /boot/vmlinuz-" + KVER);
        Result r = run("-p2", "--runtime=kernel", "-r", KVER, "-e", script);
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^(\\S.*?) /\\* <- ").matcher(r.stdout());
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "vfs.read { printf(\"%s %s %s %d %d %s\", name, pathname, devname, ino, bytes_to_read, argstr) }|kernel.function(\"vfs_read\")",
        "vfs.read.return { printf(\"%s %s %d %d %s\", name, pathname, bytes_read, error, error_str) }|kernel.function(\"vfs_read\").return",
        "vfs.write { printf(\"%s %s %d %s\", name, pathname, bytes_to_write, argstr) }|kernel.function(\"vfs_write\")",
        "vfs.write.return { printf(\"%s %d %s\", name, bytes_written, retstr) }|kernel.function(\"vfs_write\").return",
        "vfs.readv { printf(\"%s %d\", name, bytes_to_read) }|kernel.function(\"vfs_readv\")",
        "vfs.writev.return { printf(\"%s %d\", name, bytes_to_write) }|kernel.function(\"vfs_writev\").return",
        "vfs.open { printf(\"%s %s %s\", name, pathname, argstr) }|kernel.function(\"vfs_open\")",
        "vfs.open.return { printf(\"%s %s %d\", name, pathname, error) }|kernel.function(\"vfs_open\").return",
        "signal.send { printf(\"%s %s %d %s %s %d\", name, sig_name, sig_pid, pid_name, si_code, shared) }|kernel.trace(\"signal:signal_generate\")",
        "signal.send.return { printf(\"%s %s %d\", name, retstr, send2queue) }|kernel.function(\"send_sigqueue\").return,kernel.function(\"__send_signal_locked\").return",
        "signal.checkperm { printf(\"%s %s %s\", name, sig_name, si_code) }|kernel.function(\"check_kill_permission\")",
        "signal.wakeup { printf(\"%s %d %s %d\", name, sig_pid, state_mask, resume) }|kernel.function(\"signal_wake_up_state\")",
        "signal.do_action { printf(\"%s %s %x\", name, sig_name, sa_mask) }|kernel.function(\"do_sigaction\")",
        "signal.procmask { printf(\"%s %d %x\", name, how, sigset) }|kernel.function(\"sigprocmask\")",
        "signal.flush { printf(\"%s %d %s\", name, sig_pid, pid_name) }|kernel.function(\"flush_signals\")",
        "scheduler.ctxswitch { printf(\"%s %d %s %d %s\", name, prev_pid, prev_task_name, next_tid, next_task_name) }|kernel.trace(\"sched:sched_switch\")",
        "scheduler.cpu_off { printf(\"%s %d\", name, idle) }|kernel.trace(\"sched:sched_switch\")",
        "scheduler.wakeup { printf(\"%s %d %d %d\", name, task_pid, task_priority, task_cpu) }|kernel.trace(\"sched:sched_wakeup\")",
        "scheduler.wakeup_new { printf(\"%s %d\", name, task_tid) }|kernel.trace(\"sched:sched_wakeup_new\")",
        "scheduler.process_exit { printf(\"%s %d %d\", name, pid, priority) }|kernel.trace(\"sched:sched_process_exit\")",
        "scheduler.process_fork { printf(\"%s %d %d\", name, parent_pid, child_pid) }|kernel.trace(\"sched:sched_process_fork\")",
        "scheduler.process_free { printf(\"%s %d\", name, pid) }|kernel.trace(\"sched:sched_process_free\")",
        "scheduler.migrate { printf(\"%s %d %d %d\", name, pid, cpu_from, cpu_to) }|kernel.trace(\"sched:sched_migrate_task\")",
        "scheduler.signal_send { printf(\"%s %d %d\", name, pid, signal_number) }|kernel.function(\"__send_signal_locked\")",
        "kprocess.create { printf(\"%d %d\", new_pid, new_tid) }|kernel.trace(\"sched:sched_process_fork\")",
        "kprocess.start { printf(\"%d\", pid()) }|kernel.function(\"schedule_tail\")",
        "kprocess.exit { printf(\"%d\", code) }|kernel.function(\"do_exit\")",
        "kprocess.release { printf(\"%d %d\", released_pid, released_tid) }|kernel.function(\"release_task\")",
        "vm.pagefault { printf(\"%s %d %x\", name, write_access, address) }|kernel.function(\"handle_mm_fault\").call",
        "vm.pagefault.return { printf(\"%s %d\", name, vm_fault_contains(fault_type, VM_FAULT_MINOR)) }|kernel.function(\"handle_mm_fault\").return",
        "vm.mmap { printf(\"%s %x %d\", name, address, length) }|kernel.function(\"vm_mmap\")",
        "vm.brk { printf(\"%s %x %d\", name, address, length) }|kernel.function(\"do_brk_flags\")",
        "ioblock.request { printf(\"%s %s %d %d %s %d\", name, devname, ino, sector, bio_rw_str(rw), size) }|kernel.function(\"submit_bio_noacct\")",
        "ioblock.end { printf(\"%s %s %d %d\", name, devname, bytes_done, error) }|kernel.function(\"bio_endio\")",
    })
    void eachAliasPlacesStapsFallbackWithItsVariables(String probe, String points) throws Exception {
        assertEquals(List.of(points.split(",")), placed("probe " + probe));
    }

    @Test
    void oneshotRunsItsBodyOnceThenExits() throws Exception {
        assertEquals(new Result("once\n", "", 0), run("-e", "probe oneshot { println(\"once\") }"));
    }

    @Test
    void signalFunctionsAsStapsEmbeddedC() throws Exception {
        Result r = run("-e", "probe begin { printf(\"%s|%s|%s|%s|%s\\n\", signal_str(1), signal_str(15), signal_str(29),"
                + " signal_str(32), signal_str(64)); printf(\"[%s][%s]\\n\", signal_str(0), signal_str(65));"
                + " printf(\"%s|%s|%d\\n\", sigset_mask_str(0x4003), sigset_mask_str(0), sigset_mask_str(-1) == \"\");"
                + " printf(\"%s|[%s]\\n\", sa_flags_str(0x14000004), sa_flags_str(0));"
                + " printf(\"%s %s %s %s\\n\", sa_handler_str(0), sa_handler_str(1), sa_handler_str(-1), sa_handler_str(0x401000)) exit() }");
        assertEquals(new Result("HUP|TERM|IO/POLL|RTMIN|RTMIN+32\n[][]\n1,2,15||0\nSIGINFO|RESTART|RESTORER|[]\n"
                + "default ignored error 0x401000\n", "", 0), r);
    }

    @Test
    void ipv4AddressesPrintTheirBytesInMemoryOrderAsPercentPI4() throws Exception {
        Result r = run("-e", "probe begin { printf(\"%s %s %s|%s\\n\", ip_ntop(0x0100007f), ip_ntop(htonl(0xc0a80101)),"
                + " format_ipaddr(0, 2), format_ipaddr(1, 3)) exit() }");
        assertEquals(new Result("127.0.0.1 192.168.1.1 0.0.0.0|*unknown address family*\n", "", 0), r);
    }

    @Test
    void queueStatisticsCallTheirFilesPrivateFunctionWhichScriptsCannot() throws Exception {
        Result r = run("-e", "probe begin { qsq_start(\"q\"); qs_wait(\"q\"); qs_run(\"q\"); qs_done(\"q\"); qsq_print(\"q\") exit() }");
        assertTrue(r.stdout().matches("q: \\d+\\.\\d{3} ops/s, \\d+\\.\\d{3} qlen, \\d+ await, \\d+ svctm, \\d+% wait, \\d+% util\n"),
                r.stdout() + r.stderr());
        Result outside = run("-p2", "-e", "probe begin { _qs_update(\"q\") }");
        assertTrue(outside.stderr().startsWith("semantic error: unresolved function _qs_update "), outside.stderr());
    }

    @Test
    void kernelAddressesWithoutKernelSymbolsAreHexOnTheUserspaceRuntime() throws Exception {
        Result r = run("--runtime=user", "-e", "probe begin { printf(\"%s %s %s %d [%s]\\n\", symname(0x1234), symdata(0),"
                + " usymname(16), addr(), sprint_backtrace()) exit() }");
        assertEquals(new Result("0x1234 0x0 0x10 0 []\n", "", 0), r);
    }

    @Test
    void kernelTasksAreTheKernelRuntimesOnly() throws Exception {
        Result r = run("--runtime=user", "-e", "probe begin { println(task_pid(task_current())) }");
        assertTrue(r.stderr().startsWith("ERROR: task_current() needs the kernel runtime (stapvm.ko): the userspace runtime"
                + " has no kernel task near identifier 'task_current' at "), r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void userSymbolsOfAProcessProbeNameTheFunctionAndItsFile() throws Exception {
        String libc = "/lib/x86_64-linux-gnu/libc.so.6";
        assumeTrue(Files.isReadable(Path.of(libc)), "no " + libc);
        Result r = run("--runtime=user", "-c", "/bin/ls /", "-e", "probe process(\"" + libc + "\").function(\"malloc\") {"
                + " a = uaddr(); printf(\"%s|%s|%s|%s|%d\\n\", usymname(a), usymdata(a), umodname(a),"
                + " substr(sprint_ubacktrace(), 0, 22), ustack(0) == a); print_ubacktrace_brief(); exit() }");
        Matcher m = Pattern.compile("malloc\\|malloc\\+0x0/0x[0-9a-f]+ \\[(/[^]]+libc\\.so\\.6)\\]\\|(\\S+)\\|malloc\\+0x0 \\[libc\\.so\\.6\\]\\|1\n"
                + "malloc\\+0x0\n").matcher(r.stdout());
        assertTrue(m.lookingAt(), r.stdout());
        assertEquals(m.group(1), m.group(2), "umodname is the mapping's path");
    }
}
