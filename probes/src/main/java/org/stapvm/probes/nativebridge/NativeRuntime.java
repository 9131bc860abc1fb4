package org.stapvm.probes.nativebridge;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;

/**
 * The native runtime seen from Java: the C verifier, and the userspace runner that executes a
 * module. libstapvm.so is found at -Dstapvm.native, else under $STAPVM_HOME.
 */
public final class NativeRuntime {
    /** Where bin/stapvm's build puts the library, relative to the checkout. */
    static final String LIBRARY_IN_TREE = "runtime-native/user/build/libstapvm.so";

    private static final int ERR_LEN = 1024;

    private final LibStapvm lib;

    private NativeRuntime(LibStapvm lib) {
        this.lib = lib;
    }

    /** Thrown when libstapvm.so cannot be found or loaded; the message says which path and why. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    private static final class Holder {
        static final NativeRuntime INSTANCE = new NativeRuntime(load());
    }

    /** The loaded library (loaded once per JVM). */
    public static NativeRuntime get() {
        return Holder.INSTANCE;
    }

    private static LibStapvm load() {
        Path path = libraryPath();
        if (!Files.isReadable(path)) {
            throw new Unavailable("native runtime not found at " + path + " (build it with `make -C runtime-native`)");
        }
        try {
            return LibraryLoader.create(LibStapvm.class).failImmediately().load(path.toString());
        } catch (LinkageError | RuntimeException e) {
            throw new Unavailable("cannot load native runtime " + path + ": " + e.getMessage());
        }
    }

    /** The native loader beside libstapvm.so (runtime-native/user/build/stapvm-run), for runs that outlive the JVM (-F). */
    public static Path loaderPath() {
        return libraryPath().resolveSibling("stapvm-run");
    }

    static Path libraryPath() {
        String explicit = System.getProperty("stapvm.native");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String home = System.getenv("STAPVM_HOME");
        return Path.of(home != null ? home : ".").resolve(LIBRARY_IN_TREE);
    }

    /** Runs the C verifier on module bytes: empty when accepted, else its precise reason. */
    public Optional<String> verify(byte[] module) {
        byte[] err = new byte[ERR_LEN];
        if (lib.stapvm_verify(module, module.length, err, err.length) == 0) {
            return Optional.empty();
        }
        return Optional.of(cString(err));
    }

    /**
     * Runs a module until it ends on the runtime {@code runtime} names ("user", "kernel", or null:
     * stapvm.ko when its device exists, unless the module has process(...) probes); returns the exit
     * code stap would. Rejection or a bad option is a {@link RunRefused} with the runtime's reason.
     */
    public int run(byte[] module, String runtime, RunOptions options) {
        return run(module, module, runtime, options);
    }

    /**
     * {@link #run(byte[], String, RunOptions)} where stapvm.ko is given {@code kernelFile}: the module
     * file with its signature appended (docs/signing.md), which the userspace runtime does not need.
     */
    public int run(byte[] module, byte[] kernelFile, String runtime, RunOptions options) {
        byte[] err = new byte[ERR_LEN];
        int picked = lib.stapvm_pick_runtime(module, module.length, runtime, err, err.length);
        if (picked < 0) {
            throw new RunRefused(cString(err));
        }
        return picked == RUNTIME_KERNEL ? runKernel(kernelFile, options) : runUser(module, options);
    }

    /** stapvm_pick_runtime's answer for stapvm.ko (stapvm_run.h). */
    private static final int RUNTIME_KERNEL = 1;

    private int runKernel(byte[] module, RunOptions options) {
        try (SignalForwarding forwarding = SignalForwarding.to(lib::stapvm_kernel_signal)) {
            return lib.stapvm_kernel_run_output(module, module.length, options.outputFile(), options.rotateMegabytes(),
                    options.rotateFiles(), options.json() ? 1 : 0, options.timeoutMs(), options.targetCommand(),
                    options.targetPid());
        }
    }

    private int runUser(byte[] module, RunOptions options) {
        byte[] err = new byte[ERR_LEN];
        Pointer runner = lib.stapvm_runner_new(module, module.length, err, err.length);
        if (runner == null) {
            throw new RunRefused(cString(err));
        }
        try {
            if (options.outputFile() != null && lib.stapvm_runner_set_output_files(runner, options.outputFile(),
                    options.rotateMegabytes(), options.rotateFiles(), err, err.length) != 0) {
                throw new RunRefused(cString(err));
            }
            if (options.json()) {
                lib.stapvm_runner_set_json(runner);
            }
            lib.stapvm_runner_set_timeout_ms(runner, options.timeoutMs());
            if (options.targetCommand() != null) {
                lib.stapvm_runner_set_target_command(runner, options.targetCommand());
            }
            if (options.targetPid() != 0) {
                lib.stapvm_runner_set_target_pid(runner, options.targetPid());
            }
            if (lib.stapvm_runner_set_breakpoint_mode(runner, options.breakpointMode()) != 0) {
                throw new RunRefused("unknown breakpoint mode '" + options.breakpointMode() + "'");
            }
            try (SignalForwarding forwarding = SignalForwarding.to(sig -> lib.stapvm_runner_signal(runner, sig))) {
                return lib.stapvm_runner_run(runner);
            }
        } finally {
            lib.stapvm_runner_free(runner);
        }
    }

    /** The runtime refused to start a run; the message is its reason. */
    public static final class RunRefused extends RuntimeException {
        RunRefused(String reason) {
            super(reason);
        }
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
