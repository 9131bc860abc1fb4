package org.stapvm.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The native loader's command line (runtime-native/user/stapvm-run.c) for a run with these options:
 * what -F hands the daemon, and what the compile cache runs a cached module with.
 */
final class LoaderArguments {
    private LoaderArguments() {}

    /** The options before the module's path; {@code daemon}: -F. */
    static List<String> of(Options options, long timeoutMs, Integer targetPid, boolean daemon) {
        List<String> args = new ArrayList<>();
        if (daemon) {
            args.add("-F");
        }
        if (options.outputFile != null) {
            args.addAll(List.of("-o", options.outputFile));
        }
        if (options.sizeOption != null) {
            args.addAll(List.of("-S", options.sizeOption));
        }
        if (timeoutMs > 0) {
            args.addAll(List.of("-T", Double.toString(timeoutMs / 1000.0)));
        }
        if (options.command != null) {
            args.addAll(List.of("-c", options.command));
        }
        if (targetPid != null) {
            args.addAll(List.of("-x", targetPid.toString()));
        }
        if (options.runtime != null) {
            args.add("--runtime=" + options.runtime.name());
        }
        args.add("--breakpoint=" + options.breakpoint.name());
        args.add("--format=" + options.format.name());
        return args;
    }
}
