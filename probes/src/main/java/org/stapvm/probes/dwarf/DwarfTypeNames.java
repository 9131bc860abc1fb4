package org.stapvm.probes.dwarf;

import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfType;

/**
 * C type names as stap prints the DWARF types of userspace $vars in -L ({@code $p:struct point*},
 * {@code $s:char const*}, {@code $a:int[]}): qualifiers after what they qualify, no spaces before
 * '*'. The types are DWARF's, re-encoded as BTF by runtime-native/dwarf.
 */
public final class DwarfTypeNames {
    private DwarfTypeNames() {}

    public static String name(Btf btf, int id) {
        return name(btf, id, 0);
    }

    private static String name(Btf btf, int id, int depth) {
        if (id == 0) {
            return "void";
        }
        if (depth > 16) {
            return "?";
        }
        BtfType t = btf.type(id);
        return switch (t.kind()) {
            case INT, TYPEDEF -> t.name();
            case STRUCT -> t.name().isEmpty() ? "struct {...}" : "struct " + t.name();
            case UNION -> t.name().isEmpty() ? "union {...}" : "union " + t.name();
            case ENUM, ENUM64 -> t.name().isEmpty() ? "enum {...}" : "enum " + t.name();
            case FWD -> (t.kindFlag() ? "union " : "struct ") + t.name();
            case PTR -> name(btf, t.ref(), depth + 1) + "*";
            case CONST -> name(btf, t.ref(), depth + 1) + " const";
            case VOLATILE -> name(btf, t.ref(), depth + 1) + " volatile";
            case RESTRICT -> name(btf, t.ref(), depth + 1) + " restrict";
            case ARRAY -> name(btf, t.array().elementType(), depth + 1) + "[]";
            case FUNC_PROTO -> name(btf, t.ref(), depth + 1) + " ()";
            default -> t.name();
        };
    }
}
