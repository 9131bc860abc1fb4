package org.stapvm.compiler.pipeline;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.lower.Lower;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.module.VerifiedModule;
import org.stapvm.compiler.sema.CheckTranslatable;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Diagnostics;
import org.stapvm.compiler.sema.Elaborate;
import org.stapvm.compiler.sema.Privilege;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.DiagnosticReport;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.UnprivilegedCode;
import org.stapvm.lang.pp.ArgumentSubstitution;
import org.stapvm.probes.ProbeTarget;

/**
 * Every pass from script text to verified module, in one order, stopping after {@code -p N}:
 * <ol>
 * <li>parse (lang: preprocessor and grammar); errors end the run, the tree is incomplete;</li>
 * <li>elaborate ({@link Elaborate}: aliases, symbols, usage, types); errors end the run before
 *     anything is translated, as stap stops after pass 2;</li>
 * <li>translate: {@link CheckTranslatable} (stap's own pass-3 refusals), {@link CheckLimits} (the
 *     limits and array sizes the runtimes can hold, before code is sized by them), then
 *     {@link Lower}, which reports what it cannot translate with the construct's position;</li>
 * <li>verify: the C verifier. A rejection here is a compiler bug, the only internal error.</li>
 * </ol>
 * Every user problem reaches the {@link Channel} as stap's text, in the order stap prints it.
 */
public final class Pipeline {
    private Pipeline() {}

    /** Where the passes report: stap-shaped diagnostics for stderr, and each finished pass (-v). */
    public interface Channel {
        void diagnostics(String text);

        default void passDone(int pass, String summary) {}

        /** Pass 2 succeeded with {@code program}, before translation starts (-v reports on it). */
        default void analyzed(CheckedProgram program) {}
    }

    /** What becomes of warnings: printed, suppressed (-w), or each one failing its pass (-W). */
    public enum Warnings { SHOW, SUPPRESS, FATAL }

    /**
     * What the passes need from the command line; {@code tapsetDirs}: -I directories, then the
     * bundled library; {@code target}: the kernel probes resolve against (-r KVER);
     * {@code extraScripts}: -E scripts, whose declarations follow the script's; {@code unoptimized}: -u;
     * {@code listing}: stap's -l/-L mode, where every probe point is optional, pass 2 fails silently
     * and warnings are suppressed (an empty body's elision is no news to the user); {@code stacks}: -d and
     * --ldd, the files whose unwind rows a module that reads user stacks carries beside the probed ones;
     * {@code skipBadvars}: --skip-badvars, a target expression without a meaning is the literal 0.
     * {@code timing}: -t, the module carries what stap's probe hit report names each probe by.
     * {@code privilege}: --privilege (null: stapdev), what pass 2 lets the script use.
     */
    public record Settings(int lastPass, boolean verbose, boolean guru,
                           Module.Limits limits, List<Path> tapsetDirs, ProbeTarget target,
                           Warnings warnings, boolean unoptimized, List<SourceFile> extraScripts,
                           java.util.Map<String, String> presetGlobals, boolean listing, UserStacks.Request stacks,
                           boolean skipBadvars, boolean timing, Privilege privilege) {
        public Settings {
            privilege = privilege == null ? Privilege.STAPDEV : privilege;
            tapsetDirs = List.copyOf(tapsetDirs);
            extraScripts = List.copyOf(extraScripts);
            presetGlobals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(presetGlobals));
            if (listing) {
                warnings = Warnings.SUPPRESS;
                unoptimized = true;   // -L shows an alias's locals whether or not its empty body reads them
            }
            stacks = stacks == null ? UserStacks.Request.NONE : stacks;
        }

        /** Without --skip-badvars and -t. */
        public Settings(int lastPass, boolean verbose, boolean guru,
                        Module.Limits limits, List<Path> tapsetDirs, ProbeTarget target,
                        Warnings warnings, boolean unoptimized, List<SourceFile> extraScripts,
                        java.util.Map<String, String> presetGlobals, boolean listing, UserStacks.Request stacks) {
            this(lastPass, verbose, guru, limits, tapsetDirs, target, warnings, unoptimized, extraScripts,
                    presetGlobals, listing, stacks, false, false, Privilege.STAPDEV);
        }

        /** Without -d or --ldd. */
        public Settings(int lastPass, boolean verbose, boolean guru,
                        Module.Limits limits, List<Path> tapsetDirs, ProbeTarget target,
                        Warnings warnings, boolean unoptimized, List<SourceFile> extraScripts,
                        java.util.Map<String, String> presetGlobals, boolean listing) {
            this(lastPass, verbose, guru, limits, tapsetDirs, target, warnings, unoptimized, extraScripts,
                    presetGlobals, listing, UserStacks.Request.NONE, false, false, Privilege.STAPDEV);
        }

        /** The settings of a plain run: warnings shown, optimized, no -E scripts. */
        public Settings(int lastPass, boolean verbose, boolean guru,
                        Module.Limits limits, List<Path> tapsetDirs, ProbeTarget target) {
            this(lastPass, verbose, guru, limits, tapsetDirs, target, Warnings.SHOW, false, List.of(),
                    java.util.Map.of(), false, UserStacks.Request.NONE, false, false, Privilege.STAPDEV);
        }
    }

    /**
     * How far the run got. {@code ok} false: a user error was reported. Otherwise the result of
     * the last pass run is set: the parsed script (-p1), the checked program (-p2), the module
     * (-p3) or the verified module (-p4, -p5).
     */
    public record Result(boolean ok, Script script, CheckedProgram program, Module module, VerifiedModule verified) {
        static Result failed() {
            return new Result(false, null, null, null, null);
        }
    }

    /** The verifier refused what the compiler wrote: a bug in stapvm, never a user mistake. */
    public static final class InternalError extends Exception {
        InternalError(String message) {
            super(message);
        }
    }

    /** Runs passes 1 to {@code min(settings.lastPass(), 4)} over {@code source}. */
    public static Result run(SourceFile source, Pass1 pass1, Settings settings, Channel channel) throws InternalError {
        List<SourceFile> sources = new ArrayList<>();
        sources.add(source);
        sources.addAll(settings.extraScripts());
        List<Declaration> declarations = new ArrayList<>();
        int warningCount = 0;
        for (SourceFile file : sources) {
            if (org.stapvm.lang.Lexing.tokens(file).isEmpty()) {
                // stap's parser refuses a script of blanks and comments before anything else
                channel.diagnostics("Input file '" + file.name() + "' is empty.\n" + PASS1_FAILED + "  [man error::pass1]\n");
                return Result.failed();
            }
            ScriptParser.Result parsed = pass1.parser().parse(file);
            if (settings.warnings() != Warnings.SUPPRESS) {
                report(channel, DiagnosticReport.each(parsed.warnings()));
                warningCount += parsed.warnings().size();
            }
            List<Diagnostic> errors = new ArrayList<>(parsed.errors());
            if (parsed.ok() && !settings.guru()) {
                errors.addAll(UnprivilegedCode.errors(parsed.script(), file));
            }
            if (!errors.isEmpty()) {
                channel.diagnostics(DiagnosticReport.parse(errors, settings.verbose(), !settings.listing()));
                return Result.failed();
            }
            for (Declaration d : parsed.script().declarations()) {
                declarations.add(settings.listing() ? Listing.everyPointOptional(d) : d);
            }
        }
        if (settings.warnings() == Warnings.FATAL && warningCount > 0) {
            channel.diagnostics("Pass 1: parse failed.  [man error::pass1]\n");
            return Result.failed();
        }
        channel.passDone(1, "parsed user script");
        Script script = new Script(source.name(), declarations);
        if (settings.lastPass() == 1) {
            return new Result(true, script, null, null, null);
        }
        TapsetPath tapsets = new TapsetPath(settings.tapsetDirs(), pass1.preprocessor());
        CheckedProgram program = Elaborate.run(script, sources, tapsets, settings.guru(),
                settings.target(), settings.unoptimized(), settings.presetGlobals().keySet(), settings.skipBadvars(),
                settings.privilege());
        if (settings.warnings() == Warnings.SUPPRESS) {
            program = program.withoutWarnings();
        }
        if (settings.listing() && !program.ok()) {
            return Result.failed();   // stap lists what resolved and tells nothing of the rest
        }
        boolean warningsFail = settings.warnings() == Warnings.FATAL && program.ok() && !program.diagnostics().isEmpty();
        String pass2 = warningsFail ? DiagnosticReport.failedOnWarnings(program.diagnostics(), settings.verbose(), 2)
                : program.report();
        if (settings.warnings() != Warnings.SUPPRESS && !pass2.contains(PASS1_FAILED)) {
            // stap warns of unused arguments as pass 2 ends, before it says that the pass failed
            String unused = usesArgv(program) ? "" : unusedArguments(sources, pass1.context().args().size());
            int failed = pass2.indexOf(PASS2_FAILED);
            pass2 = failed < 0 ? pass2 + unused : pass2.substring(0, failed) + unused + pass2.substring(failed);
        }
        report(channel, pass2);
        if (!program.ok() || warningsFail) {
            return Result.failed();
        }
        if (settings.lastPass() == 2) {
            return new Result(true, script, program, null, null);
        }
        channel.passDone(2, "analyzed script: " + plural(program.probes().size(), "probe") + ", "
                + plural(program.functions().size(), "function") + ", 0 embeds, "
                + plural(program.globals().size(), "global"));
        channel.analyzed(program);
        Module module = translate(program, source, tapsets, settings, channel);
        if (module == null) {
            return Result.failed();
        }
        channel.passDone(3, "translated to bytecode");
        if (settings.lastPass() == 3) {
            return new Result(true, script, program, module, null);
        }
        VerifiedModule verified;
        try {
            verified = VerifiedModule.of(module, UserStacks.collect(module, program, settings.stacks(), channel),
                    settings.target().java().loaderRequest());
        } catch (VerifiedModule.Rejected e) {
            throw new InternalError("the verifier rejected the compiled module: " + e.getMessage());
        }
        channel.passDone(4, "verified module (" + verified.bytes().length + " bytes)");
        return new Result(true, script, program, module, verified);
    }

    private static final String PASS1_FAILED = "Pass 1: parse failed.";
    private static final String PASS2_FAILED = "Pass 2: analysis failed.";

    /** The argv tapset's globals (argc, argv, argv_N) take every argument: stap then warns of none unused. */
    private static boolean usesArgv(CheckedProgram program) {
        return program.globals().stream().map(v -> v.name())
                .anyMatch(n -> n.equals("argc") || n.equals("argv") || n.matches("argv_[0-9]+"));
    }

    /** stap's warning for each script argument no $N or @N of the script files names, once pass 2 is done. */
    private static String unusedArguments(List<SourceFile> sources, int count) {
        java.util.BitSet used = new java.util.BitSet();
        for (SourceFile f : sources) {
            used.or(ArgumentSubstitution.referenced(Lexing.tokens(f)));
        }
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            if (!used.get(i - 1)) {
                text.append("WARNING: unused command line option $").append(i).append("/@").append(i).append('\n');
            }
        }
        return text.toString();
    }

    private static void report(Channel channel, String text) {
        if (!text.isEmpty()) {
            channel.diagnostics(text);
        }
    }

    /** Pass 3: null when a problem was reported. */
    private static Module translate(CheckedProgram program, SourceFile source, TapsetPath tapsets, Settings settings,
                                    Channel channel) {
        Diagnostics diags = new Diagnostics();
        diags.addFile(source);
        for (TapsetPath.TapsetFile f : tapsets.files()) {
            diags.addFile(f.source());
        }
        CheckTranslatable.run(program, diags);
        Module module = null;
        if (!diags.hasErrors()) {
            CheckLimits.run(program, settings.limits(), diags);
        }
        if (!diags.hasErrors()) {
            module = Lower.run(program, settings.limits(), settings.presetGlobals(), settings.timing(), diags);
        }
        List<Diagnostic> found = settings.warnings() == Warnings.SUPPRESS
                ? diags.all().stream().filter(Diagnostic::isError).toList() : diags.all();
        if (diags.hasErrors()) {
            channel.diagnostics(DiagnosticReport.pass(found, settings.verbose(), 3));
            return null;
        }
        if (!found.isEmpty() && settings.warnings() == Warnings.FATAL) {
            channel.diagnostics(DiagnosticReport.failedOnWarnings(found, settings.verbose(), 3));
            return null;
        }
        return module;
    }

    private static String plural(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
