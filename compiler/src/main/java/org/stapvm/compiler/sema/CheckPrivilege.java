package org.stapvm.compiler.sema;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.TokenDescription;
import org.stapvm.probes.ProbeKind;

/**
 * Pass: what the privilege level forbids. Without -g, an absolute kernel address (it bypasses
 * every check of what may be probed: {@code kprobe.statement(ADDR).absolute}, at the probe
 * keyword). With --privilege=stapusr, a probe point whose kind probes.def does not mark
 * PR_STAPUSR (stap's text chained under "while resolving probe point", at the point's last
 * component), and a call of a native that helpers.def does not mark USR (at the function's
 * definition in stap's tapset, where stap has one: {@link StapDefinitions}).
 */
public final class CheckPrivilege {
    private CheckPrivilege() {}

    static final String ABSOLUTE = "absolute statement probe in unprivileged script; need stap -g";

    public static void run(List<ResolvedProbe> probes, boolean guru, Diagnostics diags) {
        run(probes, guru, Privilege.STAPDEV, diags);
    }

    public static void run(List<ResolvedProbe> probes, boolean guru, Privilege privilege, Diagnostics diags) {
        if (privilege == Privilege.STAPUSR) {
            probePoints(probes, diags);
        }
        if (guru) {
            return;
        }
        for (ResolvedProbe p : probes) {
            // a point stapusr may not use is told that, not what else it would need
            if (privilege == Privilege.STAPUSR && !p.spec().record().kind().stapusr()) {
                continue;
            }
            if (p.spec().record().kind() == ProbeKind.KPROBE_STATEMENT && p.spec().record().has(ProbeKind.Flag.ABSOLUTE)) {
                diags.add(diags.error(ABSOLUTE, "keyword", p.declaration().pos()));
            }
        }
    }

    private static String notAllowed(Privilege p) {
        return "probe point is not allowed for --privilege=" + p.word();
    }

    /** One error per point: a wildcard's members, and the points an alias expands to, count once. */
    private static void probePoints(List<ResolvedProbe> probes, Diagnostics diags) {
        Set<ProbePoint> told = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (ResolvedProbe p : probes) {
            if (p.spec().record().kind().stapusr() || !told.add(p.point())) {
                continue;
            }
            Diagnostic d = head(p.point(), diags).withChain(last(p.point(), diags));
            if (p.written() != p.point()) {
                // through an alias: stap names the alias's target, then the written point finds no match
                d = d.withChain(head(p.written(), diags)).withChain(diags.error("no match", null, null));
            }
            diags.add(d);
        }
    }

    private static Diagnostic head(ProbePoint point, Diagnostics diags) {
        ProbePoint.Component root = point.components().get(0);
        return diags.error("while resolving probe point", "identifier '" + root.name() + "'", root.pos());
    }

    private static Diagnostic last(ProbePoint point, Diagnostics diags) {
        ProbePoint.Component c = point.components().get(point.components().size() - 1);
        String token = TokenDescription.isKeyword(c.name()) ? "keyword" : "identifier '" + c.name() + "'";
        return diags.error(notAllowed(Privilege.STAPUSR), token, c.pos());
    }

    /**
     * With --privilege=stapusr: the first native the program calls (probes in order, then functions)
     * that helpers.def does not mark USR; stap tells the first such function only.
     */
    public static void functions(ResolveSymbols.Result resolved, Privilege privilege, Diagnostics diags) {
        if (privilege != Privilege.STAPUSR) {
            return;
        }
        Set<String> told = new LinkedHashSet<>();
        for (List<Unit> units : List.of(resolved.probes(), resolved.functions())) {
            for (Unit u : units) {
                Set<Expression.Call> written = writtenCalls(u);
                u.calls().entrySet().stream()
                        .filter(e -> e.getValue() instanceof Callee.Native && written.contains(e.getKey()))
                        .sorted(java.util.Comparator.comparing((java.util.Map.Entry<Expression.Call, Callee> e) -> e.getKey().pos().line())
                                .thenComparing(e -> e.getKey().pos().column()))
                        .forEach(e -> refuse(e.getKey(), ((Callee.Native) e.getValue()).builtin().name(), privilege, told, diags));
            }
        }
    }

    /**
     * The calls the unit's text makes: not those a $var's meaning is made of (DwarfTargets' returnval
     * for $return, long_arg for a parameter in a register), which stap allows stapusr.
     */
    private static Set<Expression.Call> writtenCalls(Unit u) {
        Set<Expression.Call> written = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        new AstWalker() {
            @Override
            public Void visitCall(Expression.Call c) {
                written.add(c);
                return super.visitCall(c);
            }
        }.walk(u.body());
        return written;
    }

    private static void refuse(Expression.Call call, String name, Privilege privilege, Set<String> told, Diagnostics diags) {
        Opcode.Helper h = helper(name);
        if (h == null || h.privilege == Opcode.Helper.Privilege.USR || !told.isEmpty() || !told.add(name)) {
            return;
        }
        String message = "function may not be used when --privilege=" + privilege.word() + " is specified";
        StapDefinitions.Definition at = StapDefinitions.of(name);
        if (at == null) {
            diags.addError(message, "identifier '" + name + "'", call.pos());
            return;
        }
        SourcePos pos = new SourcePos(at.file(), at.line(), at.column());
        diags.add(new Diagnostic(Diagnostic.Kind.SEMANTIC_ERROR, message, "identifier '" + at.name() + "'", pos,
                at.sourceLine(), null, List.of()));
    }

    private static Opcode.Helper helper(String name) {
        for (Opcode.Helper h : Opcode.Helper.values()) {
            if (h.mnemonic.equals(name)) {
                return h;
            }
        }
        return null;
    }
}
