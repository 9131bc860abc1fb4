package org.stapvm.compiler.sema;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.ast.TargetStep;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfGraph;
import org.stapvm.probes.btf.BtfKind;
import org.stapvm.probes.btf.BtfType;

/**
 * stap's pretty-printing of a kernel target ({@code $p$}, {@code $p$$}, {@code @cast(...)$} and
 * each value of {@code $$parms$}) over BTF, as dwarf_pretty_print writes it (tapsets.cxx): one
 * sprintf whose format follows the type, {@code {.a=1, .b=0x...}} for a structure (a pointer at the
 * top is followed to what it points to), {@code '%#c'} for chars, {@code %u}/{@code %i} for other
 * integers and enums, {@code %p} for inner pointers, char arrays and pointers as quoted strings
 * (kernel_or_user_string_quoted), {@code [first, ...]} for other arrays; nested structures and arrays
 * are {@code {...}} and {@code [...]} unless {@code $$} asks for all of it; at most 32 values, then
 * "...". Each value is read with the same member chains as {@code $p->a}. stap catches a fault
 * anywhere in it and prints "ERROR"; here the fault is the read fault error of the chain.
 */
final class KernelTargetPretty {
    /** How to reach a value inside the pretty-printed one: its expression for {@code steps} from the start. */
    interface Start {
        Expression at(List<TargetStep> steps) throws KernelTargetChain.ChainError;
    }

    /** stap's limit on the values of one pretty-printed target (PR10750). */
    private static final int MAX_VALUES = 32;

    private final Btf btf;
    private final SourcePos pos;
    private final Start start;
    private final boolean full;
    private final StringBuilder fmt = new StringBuilder();
    private final List<Expression> args = new ArrayList<>();

    private KernelTargetPretty(Btf btf, SourcePos pos, Start start, boolean full) {
        this.btf = btf;
        this.pos = pos;
        this.start = start;
        this.full = full;
    }

    /** The string expression for the value of {@code type} that {@code start} reaches; {@code full}: $$ (every level). */
    static Expression of(Btf btf, SourcePos pos, int type, Start start, boolean full) {
        KernelTargetPretty p = new KernelTargetPretty(btf, pos, start, full);
        p.recurse(type, List.of(), true);
        List<Expression> all = new ArrayList<>();
        all.add(new Expression.StringLiteral(pos, p.fmt.toString()));
        all.addAll(p.args);
        return new Expression.Call(pos, "sprintf", all);
    }

    private void recurse(int type, List<TargetStep> steps, boolean top) {
        BtfType t = BtfGraph.strip(btf, type);
        if (t == null) {
            fmt.append('?');
            return;
        }
        switch (t.kind()) {
            case INT -> push(isChar(t) ? "'%#c'" : t.intSigned() || t.intBool() ? "%i" : "%u", steps);
            case ENUM, ENUM64 -> push("%i", steps);
            case ARRAY -> array(t, steps, top);
            case PTR -> pointer(t, steps, top);
            case FUNC_PROTO -> push("<function>:%p", steps);
            case STRUCT, UNION, FWD -> struct(t, steps, top);
            default -> fmt.append('?');
        }
    }

    private void array(BtfType t, List<TargetStep> steps, boolean top) {
        if (!top && !full) {
            fmt.append("[...]");
            return;
        }
        int element = t.array().elementType();
        if (chars(element, steps)) {
            return;
        }
        fmt.append('[');
        // stap knows no array's length here: the first element, then ", ..."
        recurse(element, append(steps, new TargetStep.Index(pos, new Expression.NumberLiteral(pos, 0))), false);
        fmt.append(", ...]");
    }

    private void pointer(BtfType t, List<TargetStep> steps, boolean top) {
        BtfType pointee = BtfGraph.strip(btf, t.ref());
        if (pointee != null) {
            if (chars(t.ref(), steps)) {
                return;
            }
            if (top) {
                recurse(t.ref(), steps, true);
                return;
            }
        }
        push("%p", steps);
    }

    private void struct(BtfType t, List<TargetStep> steps, boolean top) {
        BtfType agg = BtfGraph.complete(btf, t);
        if (agg.kind() == BtfKind.FWD) {
            fmt.append("{...}");
            return;
        }
        fmt.append('{');
        if (top || full) {
            members(agg, steps, new int[1]);
        } else {
            fmt.append("...");
        }
        fmt.append('}');
    }

    private void members(BtfType agg, List<TargetStep> steps, int[] count) {
        for (BtfType.Member m : agg.members()) {
            if (++count[0] > 1) {
                fmt.append(", ");
            }
            if (args.size() >= MAX_VALUES) {
                fmt.append("...");
                return;
            }
            BtfType mt = BtfGraph.strip(btf, m.type());
            List<TargetStep> at = steps;
            if (!m.name().isEmpty()) {
                fmt.append('.').append(m.name());
                at = append(steps, new TargetStep.Member(pos, m.name()));
            } else if (mt != null && mt.kind() == BtfKind.UNION) {
                fmt.append("<union>");
            } else if (mt != null && mt.kind() == BtfKind.STRUCT) {
                fmt.append("<class>"); // stap's label for an anonymous struct
            }
            fmt.append('=');
            if (m.bitSize() != 0) {
                bitfield(mt, at);
            } else {
                recurse(m.type(), at, false);
            }
        }
    }

    /** A bitfield is always a number, even of a char type. */
    private void bitfield(BtfType t, List<TargetStep> at) {
        if (t == null || (t.kind() != BtfKind.INT && t.kind() != BtfKind.ENUM && t.kind() != BtfKind.ENUM64)) {
            fmt.append('?');
            return;
        }
        boolean signed = t.kind() == BtfKind.INT ? t.intSigned() : true;
        push(signed ? "%i" : "%u", at);
    }

    /** Chars at {@code steps} (an array of them, or a pointer to them) as a quoted string; false when {@code element} is no char. */
    private boolean chars(int element, List<TargetStep> steps) {
        BtfType e = BtfGraph.strip(btf, element);
        if (e == null || e.kind() != BtfKind.INT || !isChar(e)) {
            return false;
        }
        Expression address;
        try {
            address = start.at(steps);
        } catch (KernelTargetChain.ChainError err) {
            fmt.append('?');
            return true;
        }
        fmt.append("%s");
        args.add(new Expression.Call(pos, "kernel_or_user_string_quoted", List.of(address)));
        return true;
    }

    private void push(String format, List<TargetStep> steps) {
        Expression e;
        try {
            e = start.at(steps);
        } catch (KernelTargetChain.ChainError err) {
            fmt.append('?');
            return;
        }
        fmt.append(format);
        args.add(e);
    }

    /** char, signed char, unsigned char (u8 and the like strip to one of them), as DWARF's *_char encodings. */
    private static boolean isChar(BtfType t) {
        return t.size() == 1 && !t.intBool() && t.name().contains("char");
    }

    private static List<TargetStep> append(List<TargetStep> steps, TargetStep step) {
        List<TargetStep> out = new ArrayList<>(steps);
        out.add(step);
        return List.copyOf(out);
    }
}
