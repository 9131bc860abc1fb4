package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.stapvm.compiler.sema.tapset.TapsetLoader;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.ast.UnaryOp;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeProviders;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Pass: probe alias expansion. Every point of every probe is matched against the probe aliases
 * of the script and of the tapset library ('*' in a used name matches within one component);
 * an alias match continues with each of the alias's targets and wraps the body with the alias
 * body (prologue for '=', epilogue for '+='), so nested aliases put the innermost prologue first,
 * as stap does. Points that match no alias must be points of a probe family ({@link ProbeProviders}),
 * resolved against {@code target}. Failures under a '?' point are dropped silently.
 */
public final class ExpandAliases {
    /** The script's own aliases, picked out once: a scan of every declaration per point was quadratic. */
    private final List<Declaration> scriptAliases;
    private List<String> aliasRoots;
    private final TapsetLoader tapsets;
    private final ProbeTarget target;
    private final Diagnostics diags;
    private final ProbeProviders families = ProbeProviders.standard();
    private final List<ResolvedProbe> out = new ArrayList<>();

    private ExpandAliases(List<Declaration> script, TapsetLoader tapsets, ProbeTarget target, Diagnostics diags) {
        this.scriptAliases = script.stream().filter(d -> d instanceof Declaration.Alias).toList();
        this.tapsets = tapsets;
        this.target = target;
        this.diags = diags;
    }

    /** Expands the probes of {@code script} for {@code target}; tapset files holding matching aliases get loaded. */
    public static List<ResolvedProbe> run(List<Declaration> script, TapsetLoader tapsets, ProbeTarget target,
                                          Diagnostics diags) {
        ExpandAliases pass = new ExpandAliases(script, tapsets, target, diags);
        for (Declaration d : script) {
            if (d instanceof Declaration.Probe p) {
                for (ProbePoint point : p.points()) {
                    int before = pass.out.size();
                    pass.expand(p, point, point, null, withCondition(point, p.body()), optional(point), new ArrayList<>());
                    if (sufficient(point, before, pass.out.size())) {
                        break;
                    }
                }
            }
        }
        return List.copyOf(pass.out);
    }

    /** "?" and "!" both make a point optional: one that resolves to nothing is skipped silently. */
    private static boolean optional(ProbePoint point) {
        return point.marker() != ProbePoint.Marker.NONE;
    }

    /** A "!" point that resolved ends its list: the points after it are not tried (stap's sufficiency). */
    private static boolean sufficient(ProbePoint point, int before, int after) {
        return point.marker() == ProbePoint.Marker.SUFFICIENT && after > before;
    }

    private static Statement.Block withCondition(ProbePoint point, Statement.Block body) {
        if (point.condition() == null) {
            return body;
        }
        Expression c = point.condition();
        Statement guard = new Statement.If(c.pos(), new Expression.Unary(c.pos(), UnaryOp.NOT, c),
                new Statement.Next(c.pos()), null);
        return new Statement.Block(body.pos(), List.of(guard, body));
    }

    /**
     * Expands one point; {@code expanding} holds the alias target points on the way here, so a
     * point met again is stap's "recursive loop in alias expansion". A use whose aliases all
     * came to nothing is reported as "no match", after the inner failures.
     */
    private void expand(Declaration.Probe probe, ProbePoint written, ProbePoint point, ProbePoint listed,
                        Statement.Block body, boolean optional, List<ProbePoint> expanding) {
        ProbePoint.Component root = point.components().get(0);
        if (expanding.stream().anyMatch(p -> p == point)) {
            if (!optional) {
                diags.add(head(root).withChain(diags.error("recursive loop in alias expansion of "
                        + ResolvedProbe.text(point) + " at " + point.pos(), null, null)));
            }
            return;
        }
        List<Declaration.Alias> matches = aliasesMatching(point);
        if (!matches.isEmpty()) {
            throughAliases(probe, written, point, matches, List.of(), alias -> listed != null ? listed
                    : alias.names().stream().filter(n -> matches(point, n)).findFirst().orElse(null), body, optional, expanding);
            return;
        }
        List<ProbeProvider.Failure> failures = new ArrayList<>();
        List<ProbeSpec> specs = families.resolve(point, target, aliasRoots(), failures::add);
        if (specs == null && expandSuffixed(probe, written, point, listed, body, optional, expanding)) {
            return;
        }
        if (specs != null) {
            for (ProbeSpec spec : specs) {
                Statement.Block handler = JavaPrologue.isJava(spec)
                        ? JavaPrologue.wrap(body, root.pos(), target.java().typedArguments(spec.user().mark().name())) : body;
                out.add(new ResolvedProbe(probe, written, point, spec, handler, listed));
            }
        } else if (!optional) {
            ProbeProvider.Failure f = failures.get(0);
            Diagnostic cause = f.at() == null
                    ? diags.error(f.message(), null, null)
                    : diags.error(f.message(), org.stapvm.lang.diag.TokenDescription.isKeyword(f.at().name()) ? "keyword"
                            : "identifier '" + f.at().name() + "'", f.at().pos());
            diags.add(head(root).withChain(cause));
        }
    }

    /**
     * stap's alias suffixes: a point that neither an alias nor a family matches whole, whose leading
     * components name an alias ({@code miscellany.return} with {@code probe miscellany = syscall.{open,close}}),
     * is that alias with the rest of the point appended to each of its targets (syscall.open.return,
     * syscall.close.return), the alias body around the probe's as for a plain use. The longest such
     * prefix is taken. Whether any alias matched.
     */
    private boolean expandSuffixed(Declaration.Probe probe, ProbePoint written, ProbePoint point, ProbePoint listed,
                                   Statement.Block body, boolean optional, List<ProbePoint> expanding) {
        List<ProbePoint.Component> all = point.components();
        for (int k = all.size() - 1; k >= 1; k--) {
            ProbePoint prefix = new ProbePoint(point.pos(), all.subList(0, k), point.marker(), null);
            List<Declaration.Alias> matches = aliasesMatching(prefix);
            if (matches.isEmpty()) {
                continue;
            }
            throughAliases(probe, written, point, matches, all.subList(k, all.size()), alias -> listed, body, optional, expanding);
            return true;
        }
        return false;
    }

    /**
     * {@code point} through the aliases that match it: each target, with {@code suffix} appended, expanded
     * under the alias body merged with the probe's (before it, or after it for an epilogue alias), until
     * a sufficient ('!') target places probes; "no match" when none places any and the use is not optional.
     */
    private void throughAliases(Declaration.Probe probe, ProbePoint written, ProbePoint point, List<Declaration.Alias> matches,
                                List<ProbePoint.Component> suffix, Function<Declaration.Alias, ProbePoint> listedAs,
                                Statement.Block body, boolean optional, List<ProbePoint> expanding) {
        int before = out.size();
        expanding.add(point);
        for (Declaration.Alias alias : matches) {
            Statement.Block merged = alias.epilogue()
                    ? new Statement.Block(body.pos(), List.of(body, alias.body()))
                    : new Statement.Block(body.pos(), List.of(alias.body(), body));
            ProbePoint name = listedAs.apply(alias);
            for (ProbePoint t : alias.targets()) {
                ProbePoint target = t;
                if (!suffix.isEmpty()) {
                    List<ProbePoint.Component> longer = new ArrayList<>(t.components());
                    longer.addAll(suffix);
                    target = new ProbePoint(t.pos(), longer, t.marker(), t.condition());
                }
                int was = out.size();
                expand(probe, written, target, name, withCondition(t, merged), optional || optional(t), expanding);
                if (sufficient(t, was, out.size())) {
                    break;
                }
            }
        }
        expanding.remove(expanding.size() - 1);
        if (out.size() == before && !optional) {
            diags.add(head(point.components().get(0)).withChain(diags.error("no match", null, null)));
        }
    }

    private Diagnostic head(ProbePoint.Component root) {
        return diags.error("while resolving probe point", "identifier '" + root.name() + "'", root.pos());
    }

    private List<Declaration.Alias> aliasesMatching(ProbePoint use) {
        List<Declaration.Alias> found = new ArrayList<>();
        collect(scriptAliases, use, found);
        for (TapsetPath.TapsetFile f : tapsets.path().aliasFiles(name -> mayMatch(use, name))) {
            int before = found.size();
            collect(f.script().declarations(), use, found);
            if (found.size() > before) {
                tapsets.load(f);
            }
        }
        return found;
    }

    /** Whether a use may match an alias of dotted {@code name}: only files that may are parsed. */
    private static boolean mayMatch(ProbePoint use, String name) {
        String[] parts = name.split("\\.", -1);
        if (parts.length != use.components().size()) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].contains("*") && !Glob.NO_ESCAPE.matches(use.components().get(i).name(), parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static void collect(List<Declaration> decls, ProbePoint use, List<Declaration.Alias> found) {
        for (Declaration d : decls) {
            if (d instanceof Declaration.Alias a) {
                for (ProbePoint name : a.names()) {
                    if (matches(use, name)) {
                        found.add(a);
                        break;
                    }
                }
            }
        }
    }

    /** A used point matches an alias name component by component; '*' in the use is a wildcard (match_key::globmatch). */
    static boolean matches(ProbePoint use, ProbePoint name) {
        if (use.components().size() != name.components().size()) {
            return false;
        }
        for (int i = 0; i < use.components().size(); i++) {
            ProbePoint.Component u = use.components().get(i);
            ProbePoint.Component n = name.components().get(i);
            if (!Glob.NO_ESCAPE.matches(u.name(), n.name()) || !sameArgument(u.argument(), n.argument())) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameArgument(Expression a, Expression b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Expression.NumberLiteral x && b instanceof Expression.NumberLiteral y) {
            return x.value() == y.value();
        }
        return a instanceof Expression.StringLiteral x && b instanceof Expression.StringLiteral y
                && x.value().equals(y.value());
    }

    /** The first component of every alias name (script and library), computed once per run. */
    private List<String> aliasRoots() {
        if (aliasRoots == null) {
            aliasRoots = computeAliasRoots();
        }
        return aliasRoots;
    }

    private List<String> computeAliasRoots() {
        List<String> roots = new ArrayList<>();
        for (Declaration d : scriptAliases) {
            if (d instanceof Declaration.Alias a) {
                a.names().forEach(n -> roots.add(n.components().get(0).name()));
            }
        }
        for (String n : tapsets.path().aliasNames()) {
            roots.add(n.split("\\.")[0]);
        }
        return roots;
    }
}
