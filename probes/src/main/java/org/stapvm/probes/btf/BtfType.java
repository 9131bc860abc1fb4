package org.stapvm.probes.btf;

import java.util.ArrayList;
import java.util.List;

/**
 * One BTF type record, decoded from its blob when asked: kind, name, and (by kind) its size, the
 * type it refers to, members, parameters, enumerators or array bounds.
 */
public final class BtfType {
    /** A struct or union member; bitSize 0 unless a bitfield. */
    public record Member(String name, int type, long bitOffset, int bitSize) {}

    /** A function prototype's parameter; a nameless last one of type 0 is "..." */
    public record Param(String name, int type) {}

    public record Enumerator(String name, long value) {}

    public record Array(int elementType, int indexType, long count) {}

    private final Btf btf;
    private final int id;
    private final int at;
    private final BtfKind kind;
    private final int vlen;
    private final boolean kindFlag;
    private final int sizeOrType;

    BtfType(Btf btf, int id, int at, BtfKind kind, int vlen, boolean kindFlag, int sizeOrType) {
        this.btf = btf;
        this.id = id;
        this.at = at;
        this.kind = kind;
        this.vlen = vlen;
        this.kindFlag = kindFlag;
        this.sizeOrType = sizeOrType;
    }

    public int id() { return id; }
    public BtfKind kind() { return kind; }
    /** The name, "" when anonymous. */
    public String name() { return btf.string(btf.intAt(at)); }
    /** Linkage of a FUNC (0 static, 1 global, 2 extern); entry count of the others. */
    public int vlen() { return vlen; }
    /** FWD: a union; struct/union: members carry bitfield sizes; enum: signed. */
    public boolean kindFlag() { return kindFlag; }

    /** Size in bytes of INT, FLOAT, STRUCT, UNION, ENUM, ENUM64, DATASEC. */
    public long size() {
        return Integer.toUnsignedLong(sizeOrType);
    }

    /** The type referred to by PTR, TYPEDEF, qualifiers, FUNC (its prototype), FUNC_PROTO (return), VAR. */
    public int ref() {
        return sizeOrType;
    }

    /** INT: bits of the value. */
    public int intBits() {
        return btf.intAt(at + 12) & 0xff;
    }

    /** INT: whether signed. */
    public boolean intSigned() {
        return (btf.intAt(at + 12) >>> 24 & 1) != 0;
    }

    /** INT: whether a char (encoding BTF_INT_CHAR). */
    public boolean intChar() {
        return (btf.intAt(at + 12) >>> 24 & 2) != 0;
    }

    /** INT: whether _Bool. */
    public boolean intBool() {
        return (btf.intAt(at + 12) >>> 24 & 4) != 0;
    }

    public Array array() {
        return new Array(btf.intAt(at + 12), btf.intAt(at + 16), Integer.toUnsignedLong(btf.intAt(at + 20)));
    }

    public List<Member> members() {
        List<Member> out = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            int m = at + 12 + 12 * i;
            int off = btf.intAt(m + 8);
            long bitOffset = kindFlag ? off & 0xffffff : Integer.toUnsignedLong(off);
            out.add(new Member(btf.string(btf.intAt(m)), btf.intAt(m + 4), bitOffset, kindFlag ? off >>> 24 : 0));
        }
        return out;
    }

    public List<Param> params() {
        List<Param> out = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            int p = at + 12 + 8 * i;
            out.add(new Param(btf.string(btf.intAt(p)), btf.intAt(p + 4)));
        }
        return out;
    }

    public List<Enumerator> enumerators() {
        List<Enumerator> out = new ArrayList<>(vlen);
        for (int i = 0; i < vlen; i++) {
            if (kind == BtfKind.ENUM64) {
                int e = at + 12 + 12 * i;
                long v = Integer.toUnsignedLong(btf.intAt(e + 4)) | (long) btf.intAt(e + 8) << 32;
                out.add(new Enumerator(btf.string(btf.intAt(e)), v));
            } else {
                int e = at + 12 + 8 * i;
                int v = btf.intAt(e + 4);
                out.add(new Enumerator(btf.string(btf.intAt(e)), kindFlag ? v : Integer.toUnsignedLong(v)));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return kind + "#" + id + (name().isEmpty() ? "" : " " + name());
    }
}
