package org.stapvm.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.stapvm.compiler.disasm.Disassembler;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.pipeline.Pipeline;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.ProbeListing;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.print.AstPrinter;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.java.JavaSession;
import org.stapvm.probes.nativebridge.NativeRuntime;

/** One stapvm invocation: runs the {@link Pipeline} up to -p N, prints what that pass shows, then runs. */
final class Session {
    private final Options options;
    private final SourceFile script;
    private final PrintStream out;
    private final PrintStream err;
    /** What the probes resolved against; it holds the java() probes' session for pass 5. */
    private ProbeTarget target;
    /** Where a run that starts is kept for the next identical command (null: no cache). */
    private final CompileCache cache;
    /** Where -p4's verified module goes instead of NAME.stpb (--bundle), or null. */
    private ModuleSink sink;

    /** Takes pass 4's verified module; returns the exit status. */
    interface ModuleSink {
        int take(byte[] verifiedModule);
    }

    Session(Options options, SourceFile script, PrintStream out, PrintStream err, CompileCache cache) {
        this.options = options;
        this.script = script;
        this.out = out;
        this.err = err;
        this.cache = cache;
    }

    /** Pass 4's module goes to sink, not to a file. */
    Session to(ModuleSink sink) {
        this.sink = sink;
        return this;
    }

    int run() {
        PassReport passes = new PassReport(err, options.verbosity());
        Module.Limits limits = null;
        if (options.lastPass >= 3) { // as stap, -D matters only once the script is translated
            try {
                limits = Limits.from(options.defines, options.suppressTimeLimits);
                if (options.suppressHandlerErrors) {
                    limits = limits.withFlags(limits.flags() | Module.Limits.SUPPRESS_HANDLER_ERRORS);
                }
                if (options.skipBadvars) {
                    limits = limits.withFlags(limits.flags() | Module.Limits.SKIP_BADVARS);
                }
                limits = limits.withFlags(limits.flags() | Module.Limits.privilegeFlag(options.privilege()));
            } catch (Limits.BadDefine e) {
                err.println("stapvm: " + e.getMessage());
                return 1;
            }
        }
        java.util.Map<String, String> presets;
        try {
            presets = org.stapvm.compiler.sema.PresetGlobals.parse(options.globalSettings);
        } catch (org.stapvm.compiler.sema.PresetGlobals.Refused e) {
            err.print(e.getMessage());
            return 1;
        }
        // -r: kernel.function wildcards expand against /boot/System.map-KRELEASE
        target = ProbeTarget.release(options.kernelRelease == null ? "" : options.kernelRelease);
        target.moduleName(moduleName());
        Pipeline.Settings settings = new Pipeline.Settings(options.lastPass, options.verbosity() > 0,
                options.guru, limits, FrontEnd.tapsetDirs(options), target,
                options.warnings(), options.unoptimized, ScriptInput.extra(options), presets,
                options.listingPattern() != null,
                new org.stapvm.compiler.pipeline.UserStacks.Request(options.unwindModules, options.ldd),
                options.skipBadvars, options.timing, options.privilege());
        Pipeline.Channel channel = new Pipeline.Channel() {
            @Override
            public void diagnostics(String text) {
                err.print(text);
            }

            @Override
            public void passDone(int pass, String summary) {
                passes.passDone(pass, summary);
            }

            @Override
            public void analyzed(CheckedProgram program) {
                if (options.verbosity() > 0 && program.tapsetFiles().stream().anyMatch(TapsetRuntime::isRuntimeFile)) {
                    err.println(TapsetRuntime.of(options).report());
                }
            }
        };
        Pipeline.Result result;
        try {
            result = Pipeline.run(script, FrontEnd.pass1(options), settings, channel);
        } catch (Pipeline.InternalError e) {
            err.println("stapvm: internal error: " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        } catch (NativeRuntime.Unavailable e) {
            err.println("stapvm: " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }
        int rc = result.ok() ? finish(result, passes) : 1;
        if (result.program() != null) {
            // stap counts the warnings it did not repeat when its whole run ends, after pass 5's output
            err.print(result.program().suppressionTrailer());
        }
        return rc;
    }

    private int finish(Pipeline.Result result, PassReport passes) {
        switch (options.lastPass) {
            case 1 -> out.print(AstPrinter.print(result.script()));
            case 2 -> {
                if (options.listingPattern() != null) {
                    ProbeListing.lines(result.program(), options.listsVariables(),
                            options.kernelRelease == null ? "" : options.kernelRelease).forEach(out::println);
                } else {
                    out.print(result.program().dump());
                }
            }
            case 3 -> out.print(Disassembler.text(result.module()));
            case 4 -> {
                return writeModule(result);
            }
            default -> {
                return run(result, passes);
            }
        }
        return 0;
    }

    /** Pass 5; a script with java() probes arms its JVM's agent around the run. */
    private int run(Pipeline.Result result, PassReport passes) {
        JavaSession java = target.java();
        if (!java.active()) {
            Integer pid = options.targetPid;
            List<Integer> named = target.processPids();
            if (pid == null && options.command == null && !named.isEmpty()) {
                // process(PID) probes: the run traces that process, as -x PID would
                if (named.size() > 1) {
                    err.println("ERROR: process(PID) probes name processes " + named
                            + ", but the userspace runtime traces one process; use -x PID");
                    return 1;
                }
                pid = named.get(0);
            }
            String trailer = result.program().suppressionTrailer();
            CompileCache kept = cache != null && CompileCache.repeatable(options, pid, trailer) ? cache : null;
            return new RunPass(options, out, err, passes).run(result.verified(), pid, kept);
        }
        JavaArming arming = new JavaArming(java, err);
        Integer pid = arming.targetPid(options);
        if (pid == null || !arming.arm()) {
            err.println("Pass 5: run failed.  [man error::pass5]");
            return 1;
        }
        try {
            return new RunPass(options, out, err, passes).run(result.verified(), pid, null);
        } finally {
            arming.disarm();
        }
    }

    /** -m NAME, else stap_ and a hash of the script: the module file's name and its procfs directory's. */
    private String moduleName() {
        return options.moduleName != null ? options.moduleName : String.format("stap_%08x", script.text().hashCode());
    }

    /** -p4: writes NAME.stpb (NAME from -m, else stap_ and a hash of the script) and prints its name. */
    private int writeModule(Pipeline.Result result) {
        if (sink != null) {
            return sink.take(result.verified().bytes());
        }
        String name = moduleName();
        Path file = Path.of(name + ".stpb");
        byte[] bytes = result.verified().bytes();
        if (options.signKey != null) {
            bytes = SignCommand.sign(options, bytes, err);
            if (bytes == null) {
                err.println("Pass 4: compilation failed.  [man error::pass4]");
                return 1;
            }
        }
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            err.println("stapvm: cannot write " + file + ": " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }
        out.println(file);
        return 0;
    }
}
