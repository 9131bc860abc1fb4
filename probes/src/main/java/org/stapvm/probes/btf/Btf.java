package org.stapvm.probes.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One raw BTF blob (the kernel's {@code /sys/kernel/btf/vmlinux}, a module's split BTF on top of
 * it, or the {@code .BTF} section of an ELF image): the header, the offset of every type record
 * (one pass at load), the string section. Records are decoded when asked for, and names are
 * looked up through the string section (one byte search, then an int compare per type), so a
 * script that names one function reads only what it needs. Type ids of a split blob continue
 * after its base's, and its string offsets after the base's string section.
 */
public final class Btf {
    private static final int MAGIC = 0xeB9F;

    private final ByteBuffer b;
    private final Btf base;
    private final int strStart;
    private final int strLen;
    /** id of the first type of this blob: 1, or the base's count + 1 */
    private final int firstId;
    /** offset in b of each record of this blob, index id - firstId */
    private final int[] offsets;
    private final Map<String, int[]> namedCache = new HashMap<>();

    private Btf(ByteBuffer b, Btf base, int strStart, int strLen, int[] offsets) {
        this.b = b;
        this.base = base;
        this.strStart = strStart;
        this.strLen = strLen;
        this.firstId = base == null ? 1 : base.typeCount() + 1;
        this.offsets = offsets;
    }

    /** Parses {@code data}; {@code base} is the blob a split BTF extends (null for vmlinux). */
    public static Btf parse(byte[] data, Btf base) throws BtfFormatException {
        ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        if (data.length < 24 || Short.toUnsignedInt(b.getShort(0)) != MAGIC) {
            if (data.length >= 2 && Short.toUnsignedInt(b.order(ByteOrder.BIG_ENDIAN).getShort(0)) == MAGIC) {
                throw new BtfFormatException("big-endian BTF is not supported");
            }
            throw new BtfFormatException("not BTF data (bad magic)");
        }
        int hdrLen = b.getInt(4);
        long typeOff = Integer.toUnsignedLong(b.getInt(8));
        long typeLen = Integer.toUnsignedLong(b.getInt(12));
        long strOff = Integer.toUnsignedLong(b.getInt(16));
        long strLen = Integer.toUnsignedLong(b.getInt(20));
        if (hdrLen < 24 || hdrLen + typeOff + typeLen > data.length || hdrLen + strOff + strLen > data.length) {
            throw new BtfFormatException("truncated BTF data");
        }
        int typeStart = (int) (hdrLen + typeOff);
        int typeEnd = (int) (typeStart + typeLen);
        int[] o = new int[1024];
        int n = 0;
        for (int at = typeStart; at < typeEnd; ) {
            if (at + 12 > typeEnd) {
                throw new BtfFormatException("truncated BTF type record at " + (at - typeStart));
            }
            int info = b.getInt(at + 4);
            BtfKind kind = BtfKind.of((info >>> 24) & 0x1f);
            if (kind == null) {
                throw new BtfFormatException("unknown BTF kind " + ((info >>> 24) & 0x1f));
            }
            if (n == o.length) {
                o = java.util.Arrays.copyOf(o, n * 2);
            }
            o[n++] = at;
            at += 12 + kind.extraBytes(info & 0xffff);
        }
        return new Btf(b, base, (int) (hdrLen + strOff), (int) strLen, java.util.Arrays.copyOf(o, n));
    }

    /** The blob this split BTF extends, or null. */
    public Btf base() {
        return base;
    }

    /** The number of types, the base's included; valid ids are 1..typeCount() (0 is void). */
    public int typeCount() {
        return firstId - 1 + offsets.length;
    }

    /** The type numbered {@code id} (1..typeCount()); null for 0 (void) or an id out of range. */
    public BtfType type(int id) {
        if (id < firstId) {
            return base == null || id <= 0 ? null : base.type(id);
        }
        if (id - firstId >= offsets.length) {
            return null;
        }
        int at = offsets[id - firstId];
        int info = b.getInt(at + 4);
        return new BtfType(this, id, at, BtfKind.of((info >>> 24) & 0x1f), info & 0xffff, info < 0, b.getInt(at + 8));
    }

    /** The ids of the types named {@code name} (of any kind), this blob's and its base's, in id order. */
    public int[] named(String name) {
        return namedCache.computeIfAbsent(name, this::findNamed);
    }

    private int[] findNamed(String name) {
        int[] inBase = base == null ? new int[0] : base.named(name);
        int off = stringOffset(name);
        if (off < 0) {
            return inBase;
        }
        int nameOff = base == null ? off : base.strLen + off;
        int[] found = java.util.Arrays.copyOf(inBase, inBase.length + 4);
        int n = inBase.length;
        for (int i = 0; i < offsets.length; i++) {
            if (b.getInt(offsets[i]) == nameOff) {
                if (n == found.length) {
                    found = java.util.Arrays.copyOf(found, n * 2);
                }
                found[n++] = firstId + i;
            }
        }
        return java.util.Arrays.copyOf(found, n);
    }

    /** The offset of {@code s} in this blob's own string section (strings are deduplicated), or -1. */
    private int stringOffset(String s) {
        byte[] want = s.getBytes(StandardCharsets.ISO_8859_1);
        if (want.length == 0) {
            return -1;
        }
        int end = strStart + strLen;
        byte first = want[0];
        for (int at = strStart + 1; at + want.length < end; at++) {
            if (b.get(at) != first || b.get(at - 1) != 0) {
                continue;
            }
            int k = 1;
            while (k < want.length && b.get(at + k) == want[k]) {
                k++;
            }
            if (k == want.length && b.get(at + k) == 0) {
                return at - strStart;
            }
        }
        return -1;
    }

    /** The string at {@code off} of the combined string sections (base first). */
    String string(int off) {
        if (base != null) {
            if (off < base.strLen) {
                return base.string(off);
            }
            off -= base.strLen;
        }
        if (off < 0 || off >= strLen) {
            return "";
        }
        int at = strStart + off;
        int end = at;
        while (end < strStart + strLen && b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    int intAt(int at) {
        return b.getInt(at);
    }

    /** Ids of this blob's own types (not the base's) of {@code kind}, in id order. */
    public List<BtfType> ownTypes(BtfKind kind) {
        List<BtfType> out = new ArrayList<>();
        for (int i = 0; i < offsets.length; i++) {
            if (((b.getInt(offsets[i] + 4) >>> 24) & 0x1f) == kind.ordinal()) {
                out.add(type(firstId + i));
            }
        }
        return out;
    }
}
