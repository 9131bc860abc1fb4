package org.stapvm.probes.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * Type names as stap prints them (dwarf_type_name in its dwarf_wrappers.cxx): typedefs by their
 * own name, {@code struct file*}, qualifiers after what they qualify ({@code char const*}), arrays
 * as {@code int[]}, anonymous aggregates as {@code struct {...}}, {@code va_list} for the builtin,
 * function pointers as {@code int (*) (struct file*, int)}. Type tags are not shown.
 */
public final class BtfTypeNames {
    private BtfTypeNames() {}

    /** The name of type {@code id} of {@code btf} (0 is void). */
    public static String name(Btf btf, int id) {
        StringBuilder modifiers = new StringBuilder();
        BtfType[] subroutine = new BtfType[1];
        if (!build(btf, id, modifiers, subroutine)) {
            return "<unknown>";
        }
        if (subroutine[0] == null) {
            return modifiers.toString();
        }
        return subroutine(btf, subroutine[0], modifiers.toString());
    }

    /** Appends the name of {@code id} to {@code o}; a function prototype is left in {@code subroutine} for the caller. */
    private static boolean build(Btf btf, int id, StringBuilder o, BtfType[] subroutine) {
        BtfType t = btf.type(id);
        if (t == null) {
            return false;
        }
        while (t != null && t.kind() == BtfKind.TYPE_TAG) {
            t = btf.type(t.ref());
        }
        if (t == null) {
            return false;
        }
        switch (t.kind()) {
            case INT, FLOAT, TYPEDEF -> {
                o.append(t.name());
                return true;
            }
            case STRUCT, UNION, ENUM, ENUM64, FWD -> {
                String tag = t.kind() == BtfKind.UNION || t.kind() == BtfKind.FWD && t.kindFlag() ? "union "
                        : t.kind() == BtfKind.ENUM || t.kind() == BtfKind.ENUM64 ? "enum " : "struct ";
                o.append(tag).append(t.name().isEmpty() ? "{...}" : t.name());
                return true;
            }
            case FUNC_PROTO -> {
                subroutine[0] = t;
                return true;
            }
            case PTR, ARRAY, CONST, VOLATILE, RESTRICT -> {
                int sub = t.kind() == BtfKind.ARRAY ? t.array().elementType() : t.ref();
                BtfType st = btf.type(sub);
                if (t.kind() == BtfKind.PTR && st != null && st.kind() == BtfKind.STRUCT
                        && st.name().equals("__va_list_tag")) {
                    o.append("va_list");
                    return true;
                }
                if (sub == 0 || !build(btf, sub, o, subroutine)) {
                    o.append("void");
                }
                o.append(switch (t.kind()) {
                    case PTR -> "*";
                    case ARRAY -> "[]";
                    case CONST -> " const";
                    case VOLATILE -> " volatile";
                    default -> " restrict";
                });
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static String subroutine(Btf btf, BtfType proto, String modifiers) {
        StringBuilder o = new StringBuilder();
        o.append(proto.ref() == 0 ? "void" : name(btf, proto.ref()));
        o.append(" (").append(modifiers).append(") (");
        List<String> params = new ArrayList<>();
        for (BtfType.Param p : proto.params()) {
            params.add(p.type() == 0 ? "..." : name(btf, p.type()));
        }
        o.append(params.isEmpty() ? "void" : String.join(", ", params)).append(')');
        return o.toString();
    }
}
