package org.stapvm.compiler.sema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.BtfTypeNames;
import org.stapvm.probes.btf.KernelBtf;

/**
 * stap -l / -L: the probe points a pattern resolves to, sorted and without repeats, and with -L the
 * target variables each offers as "$name:type" (an SDT mark's: {@code $arg1:long}...). Kernel functions are described from BTF, which
 * has no source lines: {@code kernel.function("vfs_read")} where stap with debuginfo prints
 * {@code kernel.function("vfs_read@fs/read_write.c:450")}. A point that named a probe alias is
 * listed by the alias name it matched, with -L the alias body's locals as "name:type" in the
 * order stap resolves them (the innermost alias body first), its internal "__" ones left out. Points listed by
 * the same text (the inlined copies of a function) show, as stap, the variables common to all of them. Tracepoints list their arguments as stap does.
 */
public final class ProbeListing {
    private ProbeListing() {}

    /** The lines for {@code program}, whose kernel points are typed from kernel {@code release}'s BTF ("" running). */
    public static List<String> lines(CheckedProgram program, boolean withVariables, String release) {
        TreeSet<String> out = new TreeSet<>();
        Map<String, List<String>> aliases = new LinkedHashMap<>();
        Map<String, List<String>> points = new LinkedHashMap<>();
        for (Unit u : program.probes()) {
            if (u.probe().listed() != null) {
                // one line per alias name: the locals common to every probe it became, as stap
                List<String> locals = aliasLocals(program, u);
                aliases.merge(ResolvedProbe.text(u.probe().listed()), locals,
                        (a, b) -> a.stream().filter(b::contains).toList());
                continue;
            }
            ProbeSpec spec = u.probe().spec();
            String pp = spec.kind() == ProbeSpec.Kind.KERNEL ? spec.descriptor()
                    : spec.user() != null ? spec.user().listed() : u.probe().name();
            if (pp.endsWith("?")) {
                pp = pp.substring(0, pp.length() - 1);
            }
            // stap keeps the written point's '?' or '!' on a point that named no alias
            pp += u.probe().written().marker().text;
            if (withVariables) {
                // points listed alike (a function's inlined copies) show the variables every one of them has, as stap
                points.merge(pp, arguments(variables(u, release)), (a, b) -> a.stream().filter(b::contains).toList());
            } else {
                out.add(pp);
            }
        }
        points.forEach((pp, args) -> out.add(pp + String.join("", args)));
        aliases.forEach((pp, locals) -> out.add(withVariables ? pp + String.join("", locals) : pp));
        return new ArrayList<>(out);
    }

    /** The " $name:type" parts of a -L variables text (a type has spaces but no '$'). */
    private static List<String> arguments(String variables) {
        return variables.isEmpty() ? List.of() : List.of(variables.split("(?= \\$)"));
    }

    /** " name:type" of each local of an alias-made probe, in order, internal "__" ones left out. */
    private static List<String> aliasLocals(CheckedProgram program, Unit u) {
        List<String> out = new ArrayList<>();
        for (Variable v : u.locals()) {
            Type t = program.typeOf(v);
            if (!v.name().startsWith("__") && t != null) {
                out.add(" " + v.name() + ":" + t.text);
            }
        }
        return out;
    }

    private static String variables(Unit u, String release) {
        TracepointTargets.Point tp = TracepointTargets.point(u);
        if (tp != null) {
            return tracepointVariables(tp, release);
        }
        org.stapvm.probes.symbols.SdtNotes.Mark mark = MarkTargets.mark(u);
        if (mark != null) {
            StringBuilder sb = new StringBuilder(); // stap types every SDT argument long
            for (int i = 1; i <= mark.argSpecs().size(); i++) {
                sb.append(" $arg").append(i).append(":long");
            }
            return sb.toString();
        }
        String dwarf = DwarfTargets.listing(u);
        if (dwarf != null) {
            return dwarf;
        }
        KernelTargets.Point p = KernelTargets.point(u);
        if (p == null) {
            return "";
        }
        try {
            Btf btf = KernelBtf.forRelease(release).module(p.module()).orElse(null);
            BtfFunctions.Signature s = btf == null ? null : BtfFunctions.function(btf, p.function());
            if (s == null) {
                return "";
            }
            String ret = p.isReturn() && s.returnType() != 0 ? " $return:" + BtfTypeNames.name(btf, s.returnType()) : "";
            return ret + BtfFunctions.describe(btf, s);
        } catch (IOException e) {
            return "";
        }
    }

    /** stap's getargs for a tracepoint: " $name:type" for each argument it can read. */
    private static String tracepointVariables(TracepointTargets.Point p, String release) {
        try {
            TracepointTargets.Typed t = TracepointTargets.typed(p, release);
            if (t == null) {
                return "";
            }
            StringBuilder o = new StringBuilder();
            for (BtfFunctions.Param a : t.sig().params()) {
                if (t.usable(a)) {
                    o.append(" $").append(a.name()).append(':').append(BtfTypeNames.name(t.btf(), a.type()));
                }
            }
            return o.toString();
        } catch (IOException e) {
            return "";
        }
    }
}
