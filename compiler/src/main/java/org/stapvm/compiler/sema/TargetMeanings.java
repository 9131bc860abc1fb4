package org.stapvm.compiler.sema;

import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.symbols.SdtNotes;

/**
 * Which family gives a target expression its meaning in a probe: the utrace events' own
 * ({@link SyscallTargets}), an SDT mark's ({@link MarkTargets}), a userspace function's DWARF
 * ({@link DwarfTargets}), a PLT stub's $$name, else the kernel's BTF
 * ({@link KernelTargets}, which also answers @cast anywhere). The one place that asks.
 */
final class TargetMeanings {
    private TargetMeanings() {}

    /** What {@code t} means in {@code u}; null when no family has anything to say. */
    static SyscallTargets.Meaning of(Unit u, Expression.Target t, String kernelRelease) {
        if (ProcfsTargets.reading(u) != null && !(t.base() instanceof TargetBase.Cast)) {
            return ProcfsTargets.of(t);
        }
        UserPoint.Event event = SyscallTargets.event(u);
        if (event != null) {
            SyscallTargets.Meaning m = SyscallTargets.of(event, t);
            return m != null ? m : KernelTargets.of(u, t, kernelRelease);   // @cast: the kernel's types
        }
        UserPoint p = u.probe() == null ? null : u.probe().spec().user();
        if (p != null && p.event() == UserPoint.Event.PLT && t.base() instanceof TargetBase.Variable v) {
            // a PLT stub's only target is $$name, the function it imports
            return v.name().equals("$$name") && t.steps().isEmpty() && !t.addressOf()
                    ? new SyscallTargets.Meaning(new Expression.StringLiteral(t.pos(), p.function()), null)
                    : new SyscallTargets.Meaning(null, "unable to find plt variable '" + v.name() + "' (alternatives: $$name)");
        }
        SdtNotes.Mark mark = MarkTargets.mark(u);
        if (mark != null) {
            var point = u.probe().point().components();
            boolean returns = point.get(point.size() - 1).name().equals("return");
            SyscallTargets.Meaning m = MarkTargets.of(u.probe().spec().user().path(), mark, returns, t);
            if (m != null) {
                return m;
            }
        }
        SyscallTargets.Meaning dwarf = DwarfTargets.of(u, t);
        return dwarf != null ? dwarf : KernelTargets.of(u, t, kernelRelease);
    }

    /** Whether {@code u}'s targets are read-only values of a user-space family (utrace, marks). */
    static boolean userFamily(Unit u) {
        return SyscallTargets.event(u) != null || MarkTargets.mark(u) != null;
    }
}
