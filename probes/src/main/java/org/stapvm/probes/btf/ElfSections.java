package org.stapvm.probes.btf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** One named section of a little-endian ELF64 image held in memory (the vmlinux inside a bzImage, a module). */
final class ElfSections {
    private ElfSections() {}

    /** The bytes of section {@code name} of {@code elf}, or null when there is none. */
    static byte[] section(byte[] elf, String name) throws BtfFormatException {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf.length < 64 || b.getInt(0) != 0x464c457f || b.get(4) != 2 || b.get(5) != 1) {
            throw new BtfFormatException("not a little-endian ELF64 image");
        }
        try {
            long shoff = b.getLong(40);
            int shentsize = Short.toUnsignedInt(b.getShort(58));
            int shnum = Short.toUnsignedInt(b.getShort(60));
            int shstrndx = Short.toUnsignedInt(b.getShort(62));
            int strtab = (int) b.getLong((int) (shoff + (long) shstrndx * shentsize) + 24);
            byte[] want = name.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < shnum; i++) {
                int sh = (int) (shoff + (long) i * shentsize);
                int n = strtab + b.getInt(sh);
                boolean same = elf[n + want.length] == 0;
                for (int k = 0; same && k < want.length; k++) {
                    same = elf[n + k] == want[k];
                }
                if (same) {
                    int off = (int) b.getLong(sh + 24);
                    int size = (int) b.getLong(sh + 32);
                    return java.util.Arrays.copyOfRange(elf, off, off + size);
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new BtfFormatException("malformed ELF section headers");
        }
        return null;
    }
}
