package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.lang.ast.AssignOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.TargetBase;
import org.stapvm.probes.ProbeKind;

/**
 * $value in procfs probes: in a write probe the data written (_procfs_value()); in a read probe
 * what the reader gets, which the handler only sets ($value = s: _procfs_set, $value .= s:
 * _procfs_append, lowered by ExpressionLowering). stap 4.8's texts for the other uses.
 */
final class ProcfsTargets {
    private ProcfsTargets() {}

    /** Whether {@code u} is a procfs read (true), write (false) probe; null for anything else. */
    static Boolean reading(Unit u) {
        if (u.probe() == null || u.probe().spec().record() == null) {
            return null;
        }
        ProbeKind k = u.probe().spec().record().kind();
        return k == ProbeKind.PROCFS_READ ? Boolean.TRUE : k == ProbeKind.PROCFS_WRITE ? Boolean.FALSE : null;
    }

    /** What {@code t} means in procfs probe {@code u}: $value stands for _procfs_value(); others are stap's errors. */
    static SyscallTargets.Meaning of(Expression.Target t) {
        if (!(t.base() instanceof TargetBase.Variable v) || !v.name().equals("$value")) {
            return new SyscallTargets.Meaning(null, "invalid target symbol for procfs probe, $value expected");
        }
        if (t.prettyDollars() > 0) {
            return new SyscallTargets.Meaning(null, "procfs variable '$value' may not be pretty-printed");
        }
        return new SyscallTargets.Meaning(new Expression.Call(t.pos(), "_procfs_value", List.of()), null);
    }

    /** The error of a store into $value with {@code op} (null for ++/--), or null when it is allowed. */
    static String storeError(boolean reading, AssignOp op) {
        if (!reading) {
            return "procfs $value variable is read-only in a procfs write probe";
        }
        return op == AssignOp.ASSIGN || op == AssignOp.CONCAT ? null
                : "Only the following assign operators are implemented on procfs read target variables: '=', '.='";
    }
}
