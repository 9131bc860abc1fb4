package org.stapvm.probes.btf;

/**
 * The BTF type kinds (include/uapi/linux/btf.h), by their number in a type's info word, with the
 * size of what follows the 12-byte common header of a record of that kind.
 */
public enum BtfKind {
    UNKNOWN, INT, PTR, ARRAY, STRUCT, UNION, ENUM, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT,
    FUNC, FUNC_PROTO, VAR, DATASEC, FLOAT, DECL_TAG, TYPE_TAG, ENUM64;

    private static final BtfKind[] BY_NUMBER = values();

    /** The kind numbered {@code n}, or null for a kind this reader does not know. */
    static BtfKind of(int n) {
        return n > 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : null;
    }

    /** Bytes after the common header for a record with {@code vlen} entries. */
    int extraBytes(int vlen) {
        return switch (this) {
            case INT, VAR, DECL_TAG -> 4;
            case ARRAY -> 12;
            case STRUCT, UNION, DATASEC, ENUM64 -> 12 * vlen;
            case ENUM, FUNC_PROTO -> 8 * vlen;
            default -> 0;
        };
    }

    /** Kinds that only qualify another type: const, volatile, restrict, type tags. */
    public boolean isQualifier() {
        return this == CONST || this == VOLATILE || this == RESTRICT || this == TYPE_TAG;
    }
}
