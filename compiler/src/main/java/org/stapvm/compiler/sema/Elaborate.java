package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.compiler.sema.tapset.TapsetLoader;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Script;
import org.stapvm.probes.ProbeTarget;

/**
 * Pass 2 entry point: runs the elaboration passes in order over one parsed script.
 * <ol>
 * <li>ExpandAliases first: probe aliases can bring tapset files (and with them functions and
 *     globals) into the program, and alias bodies become part of the probe bodies that the
 *     later passes analyse; a point that names nothing must fail before anything else.</li>
 * <li>CheckPrivilege on the resolved points: what needs guru mode (-g), what --privilege=stapusr
 *     may not probe; after ResolveSymbols, the functions stapusr may not call.</li>
 * <li>ResolveSymbols next: types can only be inferred once every name means one variable or
 *     function; it also discovers which functions are reachable (pulling in tapset files).</li>
 * <li>CheckUsage before InferTypes: stap warns about never-assigned variables before it reports
 *     type errors, and the warnings explain the "unresolved type" errors that follow.</li>
 * <li>CheckOperands then: stap refuses a non-lvalue assignment, a bad delete operand or regex
 *     after those warnings and before any type error (which such operands would only confuse).</li>
 * <li>ElideDeadCode after them and before InferTypes, as stap's first optimizer pass runs
 *     before its type resolution: the elision warnings come before type errors.</li>
 * <li>InferTypes next: it needs the complete set of units to reach its fixed point.</li>
 * <li>CheckResolved last: only once nothing more can be learnt is an unknown type an error.</li>
 * <li>CheckHistograms after it, on a well-typed program: one histogram type per statistic.</li>
 * </ol>
 * Probe point and symbol resolution errors stop the run before the usage checks and type
 * inference (as stap stops after resolution), since they would only add noise.
 */
public final class Elaborate {
    private Elaborate() {}

    /** The script's arguments are already pasted in as tokens (pass 1's ArgumentSubstitution). */
    public static CheckedProgram run(Script script, SourceFile source, TapsetPath tapsets) {
        return run(script, source, tapsets, false);
    }

    /** As {@link #run(Script, SourceFile, TapsetPath)}; guru: -g, which lifts CheckPrivilege's limits. */
    public static CheckedProgram run(Script script, SourceFile source, TapsetPath tapsets, boolean guru) {
        return run(script, source, tapsets, guru, ProbeTarget.running());
    }

    /** As {@link #run(Script, SourceFile, TapsetPath, boolean)}, for {@code target} (-r KVER). */
    public static CheckedProgram run(Script script, SourceFile source, TapsetPath tapsets, boolean guru,
                                     ProbeTarget target) {
        return run(script, List.of(source), tapsets, guru, target, false, java.util.Set.of());
    }

    /**
     * The whole pass. {@code sources}: the files the script's declarations come from (the script,
     * then each -E script); {@code unoptimized}: -u, which keeps what the optimizer would elide;
     * {@code presetGlobals}: the names -G sets, which count as assigned.
     */
    public static CheckedProgram run(Script script, List<SourceFile> sources, TapsetPath tapsets,
                                     boolean guru, ProbeTarget target, boolean unoptimized,
                                     java.util.Set<String> presetGlobals) {
        return run(script, sources, tapsets, guru, target, unoptimized, presetGlobals, false);
    }

    /** As above; {@code skipBadvars}: --skip-badvars, a target without a meaning is the literal 0 (ResolveSymbols). */
    public static CheckedProgram run(Script script, List<SourceFile> sources, TapsetPath tapsets,
                                     boolean guru, ProbeTarget target, boolean unoptimized,
                                     java.util.Set<String> presetGlobals, boolean skipBadvars) {
        return run(script, sources, tapsets, guru, target, unoptimized, presetGlobals, skipBadvars, Privilege.STAPDEV);
    }

    /** As above; {@code privilege}: --privilege, what CheckPrivilege lets the script use. */
    public static CheckedProgram run(Script script, List<SourceFile> sources, TapsetPath tapsets,
                                     boolean guru, ProbeTarget target, boolean unoptimized,
                                     java.util.Set<String> presetGlobals, boolean skipBadvars, Privilege privilege) {
        // A tapset file that joins for a name it defines brings its own probes too (stap's argv.stp
        // fills argv in a probe init): resolution runs again with them until no new file has any.
        List<Declaration> declarations = script.declarations();
        Diagnostics diags;
        TapsetLoader loader;
        List<ResolvedProbe> probes;
        ResolveSymbols.Result resolved;
        java.util.Set<TapsetPath.TapsetFile> withProbes = new java.util.LinkedHashSet<>();
        while (true) {
            diags = new Diagnostics();
            sources.forEach(diags::addFile);
            for (TapsetPath.TapsetFile f : tapsets.files()) {
                diags.addFile(f.source());
            }
            loader = new TapsetLoader(tapsets);
            probes = ExpandAliases.run(declarations, loader, target, diags);
            CheckPrivilege.run(probes, guru, privilege, diags);
            resolved = ResolveSymbols.run(declarations, probes, loader, target.kernelRelease(), skipBadvars, diags);
            List<Declaration> more = new ArrayList<>();
            for (TapsetPath.TapsetFile f : loader.loaded()) {
                if (!withProbes.contains(f)) {
                    f.script().declarations().stream().filter(d -> d instanceof Declaration.Probe).forEach(more::add);
                    withProbes.add(f);
                }
            }
            if (more.isEmpty() || diags.hasErrors()) {
                break;
            }
            declarations = new ArrayList<>(declarations);
            declarations.addAll(more);
        }
        if (!diags.hasErrors()) {
            CheckPrivilege.functions(resolved, privilege, diags);
        }
        // Like stap, once names fail to resolve only those errors are told: no usage warnings.
        CheckUsage.Result usage = diags.hasErrors() ? new CheckUsage.Result(List.of()) : CheckUsage.run(resolved, presetGlobals, diags);
        if (!diags.hasErrors()) {
            CheckOperands.run(resolved, diags);
        }
        ElideDeadCode.Result elided = diags.hasErrors() || unoptimized ? ElideDeadCode.Result.NONE
                : ElideDeadCode.run(resolved, diags);
        // stap types every function the probes called before its optimizer ran (a function only an
        // elided statement calls still reports its type mismatches), and drops the rest afterwards.
        ResolveSymbols.Result reachable = PruneUnused.run(resolved, ElideDeadCode.Result.NONE);
        resolved = PruneUnused.run(resolved, elided);
        InferTypes.Result types = diags.hasErrors()
                ? new InferTypes.Result(java.util.Map.of(), java.util.Map.of(), java.util.Map.of(), java.util.Map.of())
                : InferTypes.run(reachable, elided, diags);
        elided.probeWarnings().forEach(diags::add);
        if (!types.expressions().isEmpty()) {
            CheckResolved.run(resolved, types, elided, diags);
        }
        if (!diags.hasErrors()) {
            CheckHistograms.run(resolved, diags);
        }
        // stap's optimizer drops the probes it elided: with none left, nothing would run.
        boolean allElided = !resolved.probes().isEmpty() && elided.probes().containsAll(resolved.probes());
        if ((probes.isEmpty() || allElided) && !diags.hasErrors()) {
            diags.addError("no probes found", null, null);
        }
        List<String> files = new ArrayList<>();
        for (TapsetPath.TapsetFile f : loader.loaded()) {
            files.add(f.source().name());
            // A library file the script needs must parse, as stap's pass 1 demands of its tapsets.
            f.parseErrors().forEach(diags::add);
        }
        return new CheckedProgram(resolved.probes(), resolved.functions(), resolved.globals(), resolved.arity(),
                types.variables(), types.keys(), types.returns(), types.expressions(),
                usage.printAtEnd(), elided, List.copyOf(files), diags.all());
    }
}
