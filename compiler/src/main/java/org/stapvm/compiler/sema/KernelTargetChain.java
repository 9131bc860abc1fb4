package org.stapvm.compiler.sema;

import java.util.List;
import org.stapvm.lang.ast.BinaryOp;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetStep;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfGraph;
import org.stapvm.probes.btf.BtfKind;
import org.stapvm.probes.btf.BtfType;
import org.stapvm.probes.btf.BtfTypeNames;

/**
 * A kernel target expression's member chain ({@code ->a->b}, {@code [i]}, {@code &}) lowered to
 * plain script expressions over one generic helper, {@code _target_deref(addr, n)} (a fault-safe
 * kernel read; {@code _utarget_deref} for a userspace $var, whose DWARF types arrive as BTF), and arithmetic: offsets and sizes from BTF, bitfields extracted by shift and mask,
 * values narrowed and sign-extended as their C type says. The errors are stap's
 * (dwflpp::translate_components and translate_final_fetch_or_store).
 */
final class KernelTargetChain {
    /**
     * Thrown for a chain that does not fit the types; the message is stap's, and so is the place:
     * the failing step's token ({@code at}, {@code token}) where stap names it, else (null) the
     * target expression's own.
     */
    static final class ChainError extends Exception {
        final SourcePos at;
        final String token;

        ChainError(String message) {
            this(message, null, null);
        }

        ChainError(String message, SourcePos at, String token) {
            super(message);
            this.at = at;
            this.token = token;
        }

        /** At the '->' or '[' of {@code step}, as stap's translate_components reports it. */
        static ChainError at(TargetStep step, String message) {
            return new ChainError(message, step.pos(),
                    step instanceof TargetStep.Member ? "operator '->'" : "operator '['");
        }
    }

    /** Where the chain stands: a value (a register, a computed pointer) or an object in kernel memory. */
    private record Place(Expression value, Expression address, int type, long bitShift, int bitSize) {
        boolean inMemory() {
            return address != null;
        }
    }

    /** Whose memory the chain reads: the kernel's (BTF types) or the probed task's (DWARF types as BTF). */
    enum Space {
        KERNEL("_target_deref"), USER("_utarget_deref");

        final String deref;

        Space(String deref) {
            this.deref = deref;
        }
    }

    private final Btf btf;
    private final SourcePos pos;
    private final Space space;

    private KernelTargetChain(Btf btf, SourcePos pos, Space space) {
        this.btf = btf;
        this.pos = pos;
        this.space = space;
    }

    /** The expression for a value of {@code type} held in {@code start} (a raw 64-bit register), followed by {@code steps}. */
    static Expression fromValue(Btf btf, SourcePos pos, Expression start, int type, List<TargetStep> steps,
                                boolean addressOf) throws ChainError {
        return fromValue(btf, pos, start, type, steps, addressOf, Space.KERNEL);
    }

    /** As above, reading the memory of {@code space}. */
    static Expression fromValue(Btf btf, SourcePos pos, Expression start, int type, List<TargetStep> steps,
                                boolean addressOf, Space space) throws ChainError {
        KernelTargetChain c = new KernelTargetChain(btf, pos, space);
        return c.finish(c.walk(new Place(c.narrow(start, type), null, type, 0, 0), steps), addressOf);
    }

    /** The expression for an object of {@code type} at {@code address} (@cast), followed by {@code steps}. */
    static Expression fromAddress(Btf btf, SourcePos pos, Expression address, int type, List<TargetStep> steps,
                                  boolean addressOf) throws ChainError {
        return fromAddress(btf, pos, address, type, steps, addressOf, Space.KERNEL);
    }

    /** As above, in the memory of {@code space}. */
    static Expression fromAddress(Btf btf, SourcePos pos, Expression address, int type, List<TargetStep> steps,
                                  boolean addressOf, Space space) throws ChainError {
        KernelTargetChain c = new KernelTargetChain(btf, pos, space);
        return c.finish(c.walk(new Place(null, address, type, 0, 0), steps), addressOf);
    }

    /**
     * {@code @cast(address, "T")} followed by {@code steps}: as {@link #fromAddress}, except that a first
     * {@code [i]} on a struct or union T is element i of an array of T at address (stap treats the
     * cast as a pointer there; a struct reached later cannot be indexed).
     */
    static Expression fromCast(Btf btf, SourcePos pos, Expression address, int type, List<TargetStep> steps,
                               boolean addressOf) throws ChainError {
        KernelTargetChain c = new KernelTargetChain(btf, pos, Space.KERNEL);
        return c.finish(c.walk(c.castStart(address, type, steps), rest(btf, type, steps)), addressOf);
    }

    /** The type {@code steps} end at from a @cast's object of {@code type} ({@link #fromCast}'s rule). */
    static int castEndType(Btf btf, SourcePos pos, int type, List<TargetStep> steps) throws ChainError {
        KernelTargetChain c = new KernelTargetChain(btf, pos, Space.KERNEL);
        return c.walk(c.castStart(new Expression.NumberLiteral(pos, 0), type, steps), rest(btf, type, steps)).type();
    }

    private static boolean indexesCast(Btf btf, int type, List<TargetStep> steps) {
        BtfType t = BtfGraph.strip(btf, type);
        return !steps.isEmpty() && steps.get(0) instanceof TargetStep.Index && t != null
                && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION);
    }

    private static List<TargetStep> rest(Btf btf, int type, List<TargetStep> steps) {
        return indexesCast(btf, type, steps) ? steps.subList(1, steps.size()) : steps;
    }

    private Place castStart(Expression address, int type, List<TargetStep> steps) {
        if (!indexesCast(btf, type, steps)) {
            return new Place(null, address, type, 0, 0);
        }
        Expression index = ((TargetStep.Index) steps.get(0)).index();
        long size = BtfGraph.sizeOf(btf, type);
        Expression offset = index instanceof Expression.NumberLiteral n ? num(n.value() * size)
                : new Expression.Binary(pos, BinaryOp.MUL, index, num(size));
        return new Place(null, add(address, offset), type, 0, 0);
    }

    /** The type {@code steps} end at from a value ({@code inMemory} false) or an object of {@code type}. */
    static int endType(Btf btf, SourcePos pos, int type, List<TargetStep> steps, boolean inMemory) throws ChainError {
        KernelTargetChain c = new KernelTargetChain(btf, pos, Space.KERNEL);
        Expression zero = new Expression.NumberLiteral(pos, 0);
        return c.walk(inMemory ? new Place(null, zero, type, 0, 0) : new Place(zero, null, type, 0, 0), steps).type();
    }

    /** A raw 64-bit value narrowed to {@code type} as C holds it (a value in a register). */
    Expression narrow(Expression raw, int type) throws ChainError {
        BtfType t = BtfGraph.strip(btf, type);
        if (t == null) {
            return raw;
        }
        return switch (t.kind()) {
            case PTR -> raw;
            case INT -> extend(raw, (int) t.size() * 8, t.intSigned());
            case ENUM, ENUM64 -> extend(raw, (int) t.size() * 8, t.kindFlag());
            case STRUCT, UNION -> throw new ChainError("'" + BtfTypeNames.name(btf, t.id()) + "' is being accessed instead of a member");
            default -> throw new ChainError("unsupported type for " + BtfTypeNames.name(btf, type));
        };
    }

    private Place walk(Place at, List<TargetStep> steps) throws ChainError {
        for (TargetStep step : steps) {
            at = step instanceof TargetStep.Member m ? member(at, m) : index(at, (TargetStep.Index) step);
        }
        return at;
    }

    private Place member(Place at, TargetStep.Member step) throws ChainError {
        String name = step.name();
        BtfType t = BtfGraph.strip(btf, at.type());
        Expression base;
        BtfType agg;
        if (t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION || t.kind() == BtfKind.FWD) && at.inMemory()) {
            base = at.address();
            agg = t;
        } else if (t != null && t.kind() == BtfKind.PTR) {
            BtfType pointee = BtfGraph.strip(btf, t.ref());
            if (pointee == null) {
                throw ChainError.at(step, "invalid access '->" + name + "' vs '" + BtfTypeNames.name(btf, t.id()) + "'");
            }
            base = value(at);
            agg = pointee;
        } else if (t != null && t.kind() == BtfKind.ARRAY) {
            throw ChainError.at(step, "invalid access '->" + name + "' for array type");
        } else {
            throw ChainError.at(step, "invalid access '->" + name + "' vs. " + strippedName(at.type()));
        }
        agg = BtfGraph.complete(btf, agg);
        if (agg.kind() == BtfKind.FWD) {
            throw ChainError.at(step, "unresolved " + BtfTypeNames.name(btf, agg.id()));
        }
        if (agg.kind() != BtfKind.STRUCT && agg.kind() != BtfKind.UNION) {
            throw ChainError.at(step, "invalid access '->" + name + "' vs. " + BtfTypeNames.name(btf, agg.id()));
        }
        BtfGraph.Found f = BtfGraph.member(btf, agg, name);
        if (f == null) {
            String alternatives = Similar.suggest(name, BtfGraph.memberNames(btf, agg), Integer.MAX_VALUE);
            throw ChainError.at(step, "unable to find member '" + name + "' for " + BtfTypeNames.name(btf, agg.id())
                    + (alternatives.isEmpty() ? "" : " (alternatives: " + alternatives + ")"));
        }
        long bytes = f.bitOffset() / 8;
        long shift = f.bitSize() == 0 ? 0 : f.bitOffset() % 8;
        return new Place(null, add(base, num(bytes)), f.type(), shift, f.bitSize());
    }

    private Place index(Place at, TargetStep.Index step) throws ChainError {
        Expression index = step.index();
        BtfType t = BtfGraph.strip(btf, at.type());
        int element;
        Expression base;
        if (t != null && t.kind() == BtfKind.PTR) {
            element = t.ref();
            base = value(at);
        } else if (t != null && t.kind() == BtfKind.ARRAY && at.inMemory()) {
            element = t.array().elementType();
            base = at.address();
        } else if (t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION)) {
            // stap names no token for this one: the target expression's is reported
            throw new ChainError("invalid access '" + shown(step) + "' for " + BtfTypeNames.name(btf, t.id()));
        } else {
            throw ChainError.at(step, "invalid access '" + shown(step) + "' vs. " + strippedName(at.type()));
        }
        long size = BtfGraph.sizeOf(btf, element);
        if (size == 0) {
            throw ChainError.at(step, "invalid access '" + shown(step) + "' vs '" + typeName(at.type()) + "'");
        }
        Expression offset = index instanceof Expression.NumberLiteral n ? num(n.value() * size)
                : new Expression.Binary(pos, BinaryOp.MUL, index, num(size));
        return new Place(null, add(base, offset), element, 0, 0);
    }

    private Expression finish(Place at, boolean addressOf) throws ChainError {
        if (addressOf) {
            if (!at.inMemory()) {
                throw new ChainError("cannot take the address of a value held in a register");
            }
            if (at.bitSize() != 0) {
                throw new ChainError("cannot take address of bit-field");
            }
            return at.address();
        }
        BtfType t = BtfGraph.strip(btf, at.type());
        if (t != null && t.kind() == BtfKind.ARRAY && at.inMemory()) {
            return at.address(); // an array reads as its address, as in stap
        }
        if (t != null && (t.kind() == BtfKind.STRUCT || t.kind() == BtfKind.UNION || t.kind() == BtfKind.FWD)) {
            throw new ChainError("'" + BtfTypeNames.name(btf, t.id()) + "' is being accessed instead of a member");
        }
        return value(at);
    }

    /** The value at a place: a register's as it is, memory's read (bitfields extracted). */
    private Expression value(Place at) throws ChainError {
        if (!at.inMemory()) {
            return at.value();
        }
        BtfType t = BtfGraph.strip(btf, at.type());
        if (t == null) {
            throw new ChainError("invalid access of void");
        }
        boolean signed;
        int size;
        switch (t.kind()) {
            case PTR -> { signed = false; size = 8; }
            case INT -> { signed = t.intSigned(); size = (int) t.size(); }
            case ENUM, ENUM64 -> { signed = t.kindFlag(); size = (int) t.size(); }
            case STRUCT, UNION, FWD -> throw new ChainError("'" + BtfTypeNames.name(btf, t.id()) + "' is being accessed instead of a member");
            default -> throw new ChainError("unsupported type for " + BtfTypeNames.name(btf, t.id()));
        }
        if (at.bitSize() == 0) {
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                throw new ChainError("unsupported type for " + BtfTypeNames.name(btf, t.id()));
            }
            return deref(at.address(), signed ? -size : size);
        }
        long span = at.bitShift() + at.bitSize();
        int unit = span <= 8 ? 1 : span <= 16 ? 2 : span <= 32 ? 4 : 8;
        Expression raw = deref(at.address(), unit);
        Expression shifted = at.bitShift() == 0 ? raw : new Expression.Binary(pos, BinaryOp.SHR, raw, num(at.bitShift()));
        return extend(shifted, at.bitSize(), signed);
    }

    private Expression deref(Expression address, int n) {
        return new Expression.Call(pos, space.deref, List.of(address, num(n)));
    }

    private Expression extend(Expression x, int bits, boolean signed) {
        return IntegerWidth.extend(pos, x, bits, signed);
    }

    private Expression add(Expression base, Expression offset) {
        if (offset instanceof Expression.NumberLiteral n && n.value() == 0) {
            return base;
        }
        return new Expression.Binary(pos, BinaryOp.ADD, base, offset);
    }

    private Expression num(long v) {
        return new Expression.NumberLiteral(pos, v);
    }

    private String typeName(int type) {
        return BtfTypeNames.name(btf, type);
    }

    /** The type's name with typedefs and qualifiers boiled away, as stap names a base type. */
    private String strippedName(int type) {
        BtfType t = BtfGraph.strip(btf, type);
        return t == null ? "void" : BtfTypeNames.name(btf, t.id());
    }

    /** An index step as stap prints a component: {@code [3]} for a literal, {@code [...]} otherwise. */
    private static String shown(TargetStep.Index step) {
        return step.index() instanceof Expression.NumberLiteral n ? "[" + n.value() + "]" : "[...]";
    }
}
