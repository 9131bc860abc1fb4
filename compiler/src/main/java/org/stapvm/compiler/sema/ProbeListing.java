package org.stapvm.compiler.sema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.BtfTypeNames;
import org.stapvm.probes.btf.KernelBtf;

/**
 * stap -l / -L: the probe points a pattern resolves to, sorted and without repeats, and with -L the
 * target variables each offers as "$name:type". Kernel functions are described from BTF, which
 * has no source lines: {@code kernel.function("vfs_read")} where stap with debuginfo prints
 * {@code kernel.function("vfs_read@fs/read_write.c:450")}. Tracepoints list their arguments as stap does.
 */
public final class ProbeListing {
    private ProbeListing() {}

    /** The lines for {@code program}, whose kernel points are typed from kernel {@code release}'s BTF ("" running). */
    public static List<String> lines(CheckedProgram program, boolean withVariables, String release) {
        TreeSet<String> out = new TreeSet<>();
        for (Unit u : program.probes()) {
            String pp = u.probe().spec().kind() == ProbeSpec.Kind.KERNEL ? u.probe().spec().descriptor() : u.probe().name();
            if (pp.endsWith("?")) {
                pp = pp.substring(0, pp.length() - 1);
            }
            out.add(withVariables ? pp + variables(u, release) : pp);
        }
        return new ArrayList<>(out);
    }

    private static String variables(Unit u, String release) {
        TracepointTargets.Point tp = TracepointTargets.point(u);
        if (tp != null) {
            return tracepointVariables(tp, release);
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
