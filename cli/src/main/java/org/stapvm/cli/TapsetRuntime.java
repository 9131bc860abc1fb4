package org.stapvm.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which runtime the runtime-specific tapsets are read for (tapsets/runtime-kernel or
 * tapsets/runtime-user: where syscall.* probes attach, how their arguments are read), and why:
 * --runtime when given, else the kernel runtime when stapvm.ko's device exists, as the native
 * loader picks (run_runtime.c, stapvm_pick_runtime).
 */
record TapsetRuntime(String name, String why) {
    static final String DEVICE = "/dev/stapvm";

    static TapsetRuntime of(Options options) {
        if (options.runtime != null) {
            return new TapsetRuntime(options.runtime.name(), "--runtime=" + options.runtime.name());
        }
        return Files.exists(Path.of(DEVICE))
                ? new TapsetRuntime("kernel", DEVICE + " exists (stapvm.ko is loaded)")
                : new TapsetRuntime("user", DEVICE + " is missing (stapvm.ko is not loaded)");
    }

    /**
     * Whether a loaded tapset file (its name as the program lists it) depends on the runtime: one
     * written for a runtime, or a syscall alias, whose point comes from the runtime's syscall.stpm.
     */
    static boolean isRuntimeFile(String name) {
        return name.contains("/runtime-kernel/") || name.contains("/runtime-user/") || name.contains("/syscall/");
    }

    /** The -v line: what the runtime means for syscall probes. */
    String report() {
        return "Runtime: " + (name.equals("kernel")
                ? "kernel (stapvm.ko): syscall probes are kprobes on __x64_sys_*"
                : "user (ptrace): syscall probes see the -c/-x target's system calls only")
                + ", because " + why;
    }
}
