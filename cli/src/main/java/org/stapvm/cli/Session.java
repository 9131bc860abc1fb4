package org.stapvm.cli;

import java.io.PrintStream;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Elaborate;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.ParseReport;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.print.AstPrinter;

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
        Pass1 pass1 = FrontEnd.pass1(options);
        ScriptParser.Result parsed = pass1.parser().parse(script);
        for (Diagnostic warning : parsed.warnings()) {
            err.print(warning.render());
        }
        if (!parsed.ok()) {
            err.print(ParseReport.render(parsed.errors(), options.verbosity() > 0));
            return 1;
        }
        if (options.lastPass == 1) {
            out.print(AstPrinter.print(parsed.script()));
            return 0;
        }
        TapsetPath tapsets = new TapsetPath(FrontEnd.tapsetDirs(options), pass1.preprocessor());
        CheckedProgram program = Elaborate.run(parsed.script(), script, tapsets, options.scriptArguments());
        err.print(program.report());
        if (!program.ok()) {
            return 1;
        }
        if (options.lastPass == 2) {
            out.print(program.dump());
            return 0;
        }
        err.println("stapvm: passes after 2 (bytecode, running) are not built yet; use -p1 or -p2");
        return 1;
    }
}
