package org.stapvm.cli;

import java.io.PrintStream;

import org.stapvm.compiler.module.VerifiedModule;
import org.stapvm.probes.nativebridge.NativeRuntime;
import org.stapvm.probes.nativebridge.RunOptions;

/** Pass 5: hands the verified module to a runtime with the run's options and returns its exit code. */
final class RunPass {
    private final Options options;
    private final PrintStream out;
    private final PrintStream err;
    private final PassReport passes;

    RunPass(Options options, PrintStream out, PrintStream err, PassReport passes) {
        this.options = options;
        this.out = out;
        this.err = err;
        this.passes = passes;
    }

    /**
     * {@code targetPid}: the -x process (null: none), which java() probes set to their JVM; {@code cache}:
     * where the run is kept for the next identical command (null: nowhere).
     */
    int run(VerifiedModule module, Integer targetPid, CompileCache cache) {
        byte[] bytes = module.bytes();
        // --sign: stapvm.ko (require_signed) gets the module signed, as stapvm-run would load it
        byte[] kernelFile = options.signKey == null ? bytes : SignCommand.sign(options, bytes, err);
        if (kernelFile == null) {
            err.println("Pass 5: run failed.  [man error::pass5]");
            return 1;
        }
        // staprun's checks of its output options, made when it starts
        String refused = options.outputFile != null ? null
                : options.rotateMegabytes != 0 ? "You have to specify output FILE with '-S' option."
                : options.flightRecorder ? "ERROR: -F without -o is not available: stap keeps the output in the kernel's buffer"
                        + " for a later 'staprun -A', but a stapvm session ends when its loader exits, on either runtime;"
                        + " use -F -o FILE"
                : null;
        if (refused != null) {
            err.println(refused);
            err.println("Pass 5: run failed.  [man error::pass5]");
            return 1;
        }
        if (cache != null) {
            err.flush();
            cache.store(kernelFile, LoaderArguments.of(options, timeoutMillis(), targetPid, options.flightRecorder));
        }
        if (options.flightRecorder) {
            out.flush();
            return FlightRecorder.start(options, kernelFile, timeoutMillis(), targetPid, err);
        }
        RunOptions run = new RunOptions(options.outputFile, options.rotateMegabytes, options.rotateFiles, timeoutMillis(),
                options.command, targetPid == null ? 0 : targetPid, options.breakpoint.name(),
                options.format == Options.Format.json);
        // The runtime writes to file descriptors 1 and 2 itself: what Java printed goes first.
        out.flush();
        err.flush();
        passes.runStarting();
        int status;
        try {
            status = NativeRuntime.get().run(bytes, kernelFile,
                    options.runtime == null ? null : options.runtime.name(), run);
        } catch (NativeRuntime.Unavailable | NativeRuntime.RunRefused e) {
            err.println("stapvm: " + e.getMessage());
            err.println("Pass 5: run failed.  [man error::pass5]");
            return 1;
        }
        passes.runDone();
        return status;
    }

    private long timeoutMillis() {
        return options.timeout == null ? 0 : Math.max(1, Math.round(options.timeout * 1000));
    }
}
