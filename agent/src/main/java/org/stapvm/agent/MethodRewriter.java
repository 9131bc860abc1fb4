package org.stapvm.agent;

import java.util.List;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;
import org.objectweb.asm.commons.Method;

/**
 * Rewrites one method for its sites: a call to {@link Hook} at the entry, before every return,
 * at the exceptional exit (a catch-all handler around the body that calls the hook and rethrows,
 * so an exception thrown by a callee counts too), and at each start of a probed line. Each call
 * passes the slot and the arguments as they are at that moment, boxed.
 */
final class MethodRewriter extends AdviceAdapter {
    private static final Type HOOK = Type.getType(Hook.class);
    private static final Method HIT = Method.getMethod("void hit(int, Object[])");
    private static final Method HIT_RETURN = Method.getMethod("void hitReturn(int, Object[], Object)");

    private final List<Site> sites;
    private final Label bodyStart = new Label();
    private final Label handler = new Label();
    private final int[] placed;
    private final boolean hasReturnSite;

    /** {@code placed}: per slot, how many sites were rewritten (a line counts each time it starts). */
    MethodRewriter(MethodVisitor next, int access, String name, String descriptor, List<Site> sites, int[] placed) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.sites = sites;
        this.placed = placed;
        this.hasReturnSite = sites.stream().anyMatch(s -> s.kind() == Site.Kind.RETURN);
        for (Site s : sites) {
            if (s.kind() != Site.Kind.LINE) {
                placed[s.slot()]++;
            }
        }
    }

    @Override
    protected void onMethodEnter() {
        for (Site s : sites) {
            if (s.kind() == Site.Kind.ENTRY) {
                hit(s.slot());
            }
        }
        if (hasReturnSite) {
            visitLabel(bodyStart);
        }
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (opcode == ATHROW) {
            return;   // the catch-all handler sees it
        }
        Type ret = Type.getReturnType(methodDesc);
        for (Site s : sites) {
            if (s.kind() != Site.Kind.RETURN) {
                continue;
            }
            if (ret.getSort() == Type.VOID) {
                hit(s.slot());
                continue;
            }
            if (ret.getSize() == 2) {
                dup2();
            } else {
                dup();
            }
            box(ret);
            int value = newLocal(Type.getType(Object.class));
            storeLocal(value);
            push(s.slot());
            loadArgArray();
            loadLocal(value);
            invokeStatic(HOOK, HIT_RETURN);
        }
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        super.visitLineNumber(line, start);
        for (Site s : sites) {
            if (s.kind() == Site.Kind.LINE && s.line() == line) {
                placed[s.slot()]++;
                hit(s.slot());
            }
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        if (hasReturnSite) {
            visitTryCatchBlock(bodyStart, handler, handler, null);
            visitLabel(handler);
            for (Site s : sites) {
                if (s.kind() == Site.Kind.RETURN) {
                    hit(s.slot());
                }
            }
            visitInsn(ATHROW);
        }
        super.visitMaxs(maxStack, maxLocals);
    }

    private void hit(int slot) {
        push(slot);
        loadArgArray();
        invokeStatic(HOOK, HIT);
    }
}
