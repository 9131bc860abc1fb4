package org.stapvm.probes.btf;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Walks of the type graph: typedefs and qualifiers boiled away, sizes, struct members found
 * through anonymous members (as stap's find_struct_member), and the member names stap offers as
 * alternatives.
 */
public final class BtfGraph {
    private BtfGraph() {}

    /** A member found in a struct or union: its offset from the start, in bits, its type and bitfield size. */
    public record Found(long bitOffset, int type, int bitSize) {}

    /** The type under any typedefs, qualifiers and type tags; null for void. */
    public static BtfType strip(Btf btf, int id) {
        BtfType t = btf.type(id);
        for (int guard = 0; t != null && guard < 64; guard++) {
            if (t.kind() != BtfKind.TYPEDEF && !t.kind().isQualifier()) {
                return t;
            }
            t = btf.type(t.ref());
        }
        return t;
    }

    /** The id under typedefs and qualifiers (0 for void). */
    public static int stripId(Btf btf, int id) {
        BtfType t = strip(btf, id);
        return t == null ? 0 : t.id();
    }

    /** sizeof the type, in bytes; 0 for void, functions or an unresolved declaration. */
    public static long sizeOf(Btf btf, int id) {
        BtfType t = strip(btf, id);
        if (t == null) {
            return 0;
        }
        return switch (t.kind()) {
            case INT, FLOAT, STRUCT, UNION, ENUM, ENUM64 -> t.size();
            case PTR -> 8;
            case ARRAY -> t.array().count() * sizeOf(btf, t.array().elementType());
            default -> 0;
        };
    }

    /** The member {@code name} of struct/union {@code agg}, looked for inside anonymous members too; null if none. */
    public static Found member(Btf btf, BtfType agg, String name) {
        for (BtfType.Member m : agg.members()) {
            if (m.name().equals(name)) {
                return new Found(m.bitOffset(), m.type(), m.bitSize());
            }
            if (m.name().isEmpty()) {
                BtfType inner = strip(btf, m.type());
                if (inner != null && (inner.kind() == BtfKind.STRUCT || inner.kind() == BtfKind.UNION)) {
                    Found f = member(btf, inner, name);
                    if (f != null) {
                        return new Found(m.bitOffset() + f.bitOffset(), f.type(), f.bitSize());
                    }
                }
            }
        }
        return null;
    }

    /** The names of the members of {@code agg}, those of anonymous members in their place, without repeats. */
    public static List<String> memberNames(Btf btf, BtfType agg) {
        Set<String> out = new LinkedHashSet<>();
        collect(btf, agg, out, 0);
        return new ArrayList<>(out);
    }

    private static void collect(Btf btf, BtfType agg, Set<String> out, int depth) {
        for (BtfType.Member m : agg.members()) {
            if (!m.name().isEmpty()) {
                out.add(m.name());
            } else if (depth < 16) {
                BtfType inner = strip(btf, m.type());
                if (inner != null && (inner.kind() == BtfKind.STRUCT || inner.kind() == BtfKind.UNION)) {
                    collect(btf, inner, out, depth + 1);
                }
            }
        }
    }

    /** The full definition of a struct/union forward-declared here: the first complete one of that name, else the declaration. */
    public static BtfType complete(Btf btf, BtfType t) {
        if (t.kind() != BtfKind.FWD) {
            return t;
        }
        BtfKind want = t.kindFlag() ? BtfKind.UNION : BtfKind.STRUCT;
        for (int id : btf.named(t.name())) {
            BtfType c = btf.type(id);
            if (c.kind() == want) {
                return c;
            }
        }
        return t;
    }

    /** The struct, union, enum or typedef a script names in @cast: "task_struct", "struct sk_buff", "union u", "size_t". */
    public static BtfType byTypeName(Btf btf, String spelled) {
        String s = spelled.trim();
        BtfKind only = null;
        for (String[] p : new String[][] {{"struct ", "STRUCT"}, {"union ", "UNION"}, {"enum ", "ENUM"}, {"class ", "STRUCT"}}) {
            if (s.startsWith(p[0])) {
                only = BtfKind.valueOf(p[1]);
                s = s.substring(p[0].length()).trim();
            }
        }
        BtfType fallback = null;
        for (BtfKind k : only != null ? List.of(only) : List.of(BtfKind.TYPEDEF, BtfKind.INT, BtfKind.STRUCT, BtfKind.UNION, BtfKind.ENUM)) {
            for (int id : btf.named(s)) {
                BtfType t = btf.type(id);
                if (t.kind() == k || k == BtfKind.ENUM && t.kind() == BtfKind.ENUM64) {
                    return t;
                }
                if (t.kind() == BtfKind.FWD && fallback == null && (k == BtfKind.STRUCT || k == BtfKind.UNION)) {
                    fallback = t;
                }
            }
        }
        return fallback;
    }
}
