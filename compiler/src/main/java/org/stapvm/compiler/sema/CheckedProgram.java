package org.stapvm.compiler.sema;

import java.util.List;
import java.util.Map;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.DiagnosticReport;

/**
 * The result of pass 2, what lowering consumes: the probes after alias expansion (each a Unit
 * with its locals and symbol/call tables), the functions reachable from them, the globals, the
 * types learnt, the globals to print at the end, what the optimizer elided, and every
 * diagnostic. Immutable.
 */
public record CheckedProgram(List<Unit> probes, List<Unit> functions, List<Variable> globals,
                             Map<Variable, Integer> arity, Map<Variable, Type> types, Map<Variable, List<Type>> keyTypes,
                             Map<Unit, Type> returnTypes, Map<Unit, Map<Expression, Type>> expressionTypes,
                             List<Variable> printAtEnd,
                             ElideDeadCode.Result elided, List<String> tapsetFiles, List<Diagnostic> diagnostics) {

    public boolean ok() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    /** The type of an expression in a unit (null when unknown or valueless). */
    public Type typeOf(Unit unit, Expression e) {
        Map<Expression, Type> m = expressionTypes.get(unit);
        return m == null ? null : m.get(e);
    }

    public Type typeOf(Variable v) {
        return types.get(v);
    }

    /** The same program without its warnings (-w). */
    public CheckedProgram withoutWarnings() {
        return new CheckedProgram(probes, functions, globals, arity, types, keyTypes, returnTypes, expressionTypes,
                printAtEnd, elided, tapsetFiles,
                diagnostics.stream().filter(Diagnostic::isError).toList());
    }

    /** stap's report text for the diagnostics (empty when there is nothing to say). */
    public String report() {
        return DiagnosticReport.pass(diagnostics, false);
    }

    /** The same without the warnings (stap's listing mode, which suppresses them). */
    public String errorReport() {
        return DiagnosticReport.pass(diagnostics.stream().filter(Diagnostic::isError).toList(), false);
    }

    /**
     * When pass 2 succeeds: stap's count of the warnings it did not repeat, which it prints when
     * the whole run ends (the failure report of a failed pass 2 already ends with it).
     */
    public String suppressionTrailer() {
        return ok() ? DiagnosticReport.trailer(diagnostics, false) : "";
    }

    /** The "-p2" style summary used by golden tests: globals, functions, probes with locals and types. */
    public String dump() {
        StringBuilder sb = new StringBuilder();
        if (!globals.isEmpty()) {
            sb.append("# globals\n");
            for (Variable g : globals) {
                sb.append(g.name()).append(':').append(name(types.get(g)));
                List<Type> keys = keyTypes.get(g);
                if (keys != null && !keys.isEmpty()) {
                    sb.append(" [").append(String.join(", ", keys.stream().map(CheckedProgram::name).toList())).append(']');
                }
                if (printAtEnd.contains(g)) {
                    sb.append(" /* printed at end */");
                }
                sb.append('\n');
            }
        }
        if (!functions.isEmpty()) {
            sb.append("# functions\n");
            for (Unit f : functions) {
                sb.append(f.name()).append(':').append(name(returnTypes.get(f))).append(" (");
                sb.append(String.join(", ", f.params().stream().map(p -> p.name() + ":" + name(types.get(p))).toList()));
                sb.append(")\n");
                locals(sb, f);
            }
        }
        sb.append("# probes\n");
        for (Unit p : probes) {
            sb.append(p.name()).append(" /* <- ").append(ResolvedProbe.text(p.probe().written()))
                    .append(" */\n");
            locals(sb, p);
        }
        return sb.toString();
    }

    private void locals(StringBuilder sb, Unit u) {
        java.util.Set<Variable> used = PruneUnused.usedLocals(u, elided);
        List<Variable> listed = u.locals().stream().filter(used::contains).toList();   // stap drops the rest
        if (!listed.isEmpty()) {
            sb.append("  # locals\n");
            for (Variable v : listed) {
                sb.append("  ").append(v.name()).append(':').append(name(types.get(v))).append('\n');
            }
        }
    }

    private static String name(Type t) {
        return t == null ? "unknown" : t.text;
    }
}
