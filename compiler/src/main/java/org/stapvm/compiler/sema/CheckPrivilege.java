package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.probes.ProbeKind;

/**
 * Pass: probe points only guru mode (-g) may use. An absolute kernel address bypasses every check
 * of what may be probed, so stap refuses {@code kprobe.statement(ADDR).absolute} without -g, with
 * this text, at the probe keyword.
 */
public final class CheckPrivilege {
    private CheckPrivilege() {}

    static final String ABSOLUTE = "absolute statement probe in unprivileged script; need stap -g";

    public static void run(List<ResolvedProbe> probes, boolean guru, Diagnostics diags) {
        if (guru) {
            return;
        }
        for (ResolvedProbe p : probes) {
            if (p.spec().record().kind() == ProbeKind.KPROBE_STATEMENT && p.spec().record().has(ProbeKind.Flag.ABSOLUTE)) {
                diags.add(diags.error(ABSOLUTE, "keyword", p.declaration().pos()));
            }
        }
    }
}
