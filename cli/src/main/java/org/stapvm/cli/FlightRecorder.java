package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.stapvm.probes.nativebridge.NativeRuntime;

/**
 * -F with -o (stap's flight recorder, staprun -D): a run that outlives this JVM. The module goes to the
 * native loader (stapvm-run -F), which checks it, detaches, prints the daemon's pid and returns; a
 * forked JVM could not run on, so the daemon is never this process.
 */
final class FlightRecorder {
    private FlightRecorder() {}

    /** The loader's exit code (0 once the daemon runs); 1 after a message when it cannot be started. */
    static int start(Options options, byte[] moduleFile, long timeoutMs, Integer targetPid, PrintStream err) {
        Path loader = NativeRuntime.loaderPath();
        if (!Files.isExecutable(loader)) {
            err.println("stapvm: -F needs the native loader " + loader + " (build it with `make -C runtime-native`)");
            return 1;
        }
        Path module = null;
        try {
            // the loader reads the whole file before it detaches, so it can go once the loader returns
            module = Files.createTempFile("stapvm-F-", ".stpb");
            Files.write(module, moduleFile);
            Process p = new ProcessBuilder(arguments(options, loader, module, timeoutMs, targetPid)).inheritIO().start();
            return p.waitFor();
        } catch (IOException e) {
            err.println("stapvm: cannot start " + loader + ": " + e.getMessage());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            if (module != null) {
                try {
                    Files.deleteIfExists(module);
                } catch (IOException e) {
                    err.println("WARNING: cannot remove " + module + ": " + e.getMessage());
                }
            }
        }
    }

    private static List<String> arguments(Options options, Path loader, Path module, long timeoutMs, Integer targetPid) {
        // with -c the loader refuses -F, with staprun's words
        List<String> args = new ArrayList<>(List.of(loader.toString()));
        args.addAll(LoaderArguments.of(options, timeoutMs, targetPid, true));
        args.add(module.toString());
        return args;
    }
}
