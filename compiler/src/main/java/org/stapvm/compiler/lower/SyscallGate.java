package org.stapvm.compiler.lower;

import java.util.OptionalLong;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;
import org.stapvm.compiler.sema.Callee;
import org.stapvm.compiler.sema.Unit;

/**
 * The one system call a process.syscall[.return] body can act on, when the first statement it
 * runs is {@code if (_utrace_syscall_nr() != N) next} (the built-in helper, or {@code $syscall} that
 * stands for it; either operand order):
 * every other call leaves the handler before it does anything. The module's record then says so (PFL_SYSNR) and the userspace runtime runs the
 * handler only at stops of call N (and can ask the kernel to stop only there). The statement stays
 * in the body, so the handler means the same wherever it runs. An alias's prologue runs before the
 * probe's own body, so syscall.NAME's gate (tapsets/runtime-user/syscall.stpm) is found here.
 */
final class SyscallGate {

    static final String HELPER = "_utrace_syscall_nr";

    private SyscallGate() {
    }

    /** N, or empty when the first statement the probe's body runs is not such a gate. */
    static OptionalLong of(Unit probe) {
        Statement s = first(probe.body());
        if (!(s instanceof Statement.If gate) || gate.otherwise() != null || !(first(gate.then()) instanceof Statement.Next)
                || !(gate.condition() instanceof Expression.Binary cmp) || cmp.op() != BinaryOp.NE) {
            return OptionalLong.empty();
        }
        if (isHelper(probe, cmp.left()) && cmp.right() instanceof Expression.NumberLiteral n) {
            return OptionalLong.of(n.value());
        }
        if (isHelper(probe, cmp.right()) && cmp.left() instanceof Expression.NumberLiteral n) {
            return OptionalLong.of(n.value());
        }
        return OptionalLong.empty();
    }

    /** The statement a block runs first (leading empty statements run nothing). */
    private static Statement first(Statement s) {
        while (s instanceof Statement.Block b) {
            Statement next = null;
            for (Statement t : b.statements()) {
                if (!(t instanceof Statement.Empty)) {
                    next = t;
                    break;
                }
            }
            if (next == null) {
                return null;
            }
            s = next;
        }
        return s;
    }

    /** The built-in helper as the probe resolved it (a script function of that name is not it). */
    private static boolean isHelper(Unit probe, Expression e) {
        if (e instanceof Expression.Target t && probe.target(t) != null) {
            e = probe.target(t);
        }
        return e instanceof Expression.Call c && c.args().isEmpty()
                && probe.callee(c) instanceof Callee.Native n && n.builtin().name().equals(HELPER);
    }
}
