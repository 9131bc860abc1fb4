package org.stapvm.compiler.lower;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.EntryExpressions;
import org.stapvm.compiler.sema.Type;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.lang.ast.Expression;

/**
 * The @entry data layout of one .return probe body: each {@code @entry(expr)} (in source order, an
 * operand's own @entry left out) gets a byte offset, 8 bytes for a long and MAXSTRINGLEN for a
 * string. The entry program stores each operand there; the return handler loads it back.
 */
final class EntrySlots {
    /** One @entry(expr) and where its value lives. */
    record Slot(Expression.Entry entry, int offset, boolean string) {}

    private final List<Slot> slots = new ArrayList<>();
    private final Map<Expression.Entry, Slot> byNode = new IdentityHashMap<>();
    private int size;

    private EntrySlots() {}

    /** The slots of {@code unit}'s body (empty for functions and for bodies without @entry). */
    static EntrySlots of(CheckedProgram program, Unit unit, int maxStringLen) {
        EntrySlots s = new EntrySlots();
        if (unit == null) {
            return s;
        }
        for (Expression.Entry e : EntryExpressions.of(unit)) {
            boolean str = program.typeOf(unit, e) == Type.STRING;
            Slot slot = new Slot(e, s.size, str);
            s.slots.add(slot);
            s.byNode.put(e, slot);
            s.size += str ? maxStringLen : 8;
        }
        return s;
    }

    List<Slot> slots() { return slots; }

    boolean isEmpty() { return slots.isEmpty(); }

    /** Bytes of @entry data a hit of this probe carries. */
    int size() { return size; }

    /** An @entry inside another's operand: it has no slot of its own. */
    boolean isNested(Expression.Entry e) {
        return !byNode.containsKey(e);
    }

    /** The byte offset of {@code e}'s value. */
    int offset(Expression.Entry e) {
        Slot s = byNode.get(e);
        if (s == null) {
            throw new LowerException("@entry inside @entry at " + e.pos());
        }
        return s.offset();
    }
}
