package org.stapvm.cli;

import java.io.PrintStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stapvm.compiler.disasm.Disassembler;
import org.stapvm.compiler.lower.Lower;
import org.stapvm.compiler.lower.LowerException;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.module.VerifiedModule;
import org.stapvm.compiler.sema.CheckTranslatable;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Elaborate;
import org.stapvm.compiler.sema.ProbeListing;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.ParseReport;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.print.AstPrinter;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.nativebridge.NativeRuntime;

/** One stapvm invocation: runs the passes up to -p N and reports as SystemTap does. */
final class Session {
    private final Options options;
    private final SourceFile script;
    private final PrintStream out;
    private final PrintStream err;

    Session(Options options, SourceFile script, PrintStream out, PrintStream err) {
        this.options = options;
        this.script = script;
        this.out = out;
        this.err = err;
    }

    int run() {
        PassReport passes = new PassReport(err, options.verbosity());
        Pass1 pass1 = FrontEnd.pass1(options);
        ScriptParser.Result parsed = pass1.parser().parse(script);
        for (Diagnostic warning : parsed.warnings()) {
            err.print(warning.render());
        }
        if (!parsed.ok()) {
            err.print(ParseReport.render(parsed.errors(), options.verbosity() > 0));
            return 1;
        }
        passes.passDone(1, "parsed user script");
        if (options.lastPass == 1) {
            out.print(AstPrinter.print(parsed.script()));
            return 0;
        }
        TapsetPath tapsets = new TapsetPath(FrontEnd.tapsetDirs(options), pass1.preprocessor());
        // -r: kernel.function wildcards expand against /boot/System.map-KRELEASE
        ProbeTarget target = ProbeTarget.release(options.kernelRelease == null ? "" : options.kernelRelease);
        CheckedProgram program = Elaborate.run(parsed.script(), script, tapsets, options.scriptArguments(), options.guru,
                target);
        err.print(program.report());
        if (!program.ok()) {
            return 1;
        }
        if (options.listProbes != null || options.listProbesWithVariables != null) {
            ProbeListing.lines(program, options.listProbesWithVariables != null,
                    options.kernelRelease == null ? "" : options.kernelRelease).forEach(out::println);
            return 0;
        }
        if (options.lastPass == 2) {
            out.print(program.dump());
            return 0;
        }
        passes.passDone(2, "analyzed script: " + plural(program.probes().size(), "probe") + ", "
                + plural(program.functions().size(), "function") + ", 0 embeds, "
                + plural(program.globals().size(), "global"));
        if (options.verbosity() > 0 && program.tapsetFiles().stream().anyMatch(TapsetRuntime::isRuntimeFile)) {
            err.println(TapsetRuntime.of(options).report());
        }
        String untranslatable = CheckTranslatable.run(program, script);
        if (!untranslatable.isEmpty()) {
            err.print(untranslatable);
            return 1;
        }
        Module module;
        try {
            module = Lower.run(program, Limits.from(options.defines));
        } catch (Limits.BadDefine e) {
            err.println("stapvm: " + e.getMessage());
            return 1;
        } catch (LowerException e) {
            err.println("semantic error: " + e.getMessage());
            err.println("Pass 3: translation failed.  [man error::pass3]");
            return 1;
        }
        passes.passDone(3, "translated to bytecode");
        if (options.lastPass == 3) {
            out.print(Disassembler.text(module));
            return 0;
        }
        VerifiedModule verified;
        try {
            verified = VerifiedModule.of(module);
        } catch (VerifiedModule.Rejected e) {
            err.println("stapvm: internal error: the verifier rejected the compiled module: " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        } catch (NativeRuntime.Unavailable e) {
            err.println("stapvm: " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }
        passes.passDone(4, "verified module (" + verified.bytes().length + " bytes)");
        if (options.lastPass == 4) {
            return writeModule(verified);
        }
        return new RunPass(options, out, err, passes).run(verified);
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** -p4: writes NAME.stpb (NAME from -m, else stap_ and a hash of the script) and prints its name. */
    private int writeModule(VerifiedModule module) {
        String name = options.moduleName != null ? options.moduleName
                : String.format("stap_%08x", script.text().hashCode());
        Path file = Path.of(name + ".stpb");
        try {
            Files.write(file, module.bytes());
        } catch (IOException e) {
            err.println("stapvm: cannot write " + file + ": " + e.getMessage());
            err.println("Pass 4: compilation failed.  [man error::pass4]");
            return 1;
        }
        out.println(file);
        return 0;
    }
}
