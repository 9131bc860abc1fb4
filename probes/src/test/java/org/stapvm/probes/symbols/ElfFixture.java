package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Test fixture: a minimal x86-64 ELF64 file whose .symtab holds one defined global FUNC symbol per
 * name (in a .text section, 16 bytes apart from 0x1000), so a test controls exactly which names
 * process(...).function sees, on any host.
 */
public final class ElfFixture {
    private ElfFixture() {}

    public static Path write(Path file, List<String> functions) throws IOException {
        ByteBuffer strtab = ByteBuffer.allocate(1 + functions.stream().mapToInt(n -> n.length() + 1).sum());
        ByteBuffer symtab = ByteBuffer.allocate(24 * (functions.size() + 1)).order(ByteOrder.LITTLE_ENDIAN);
        strtab.put((byte) 0);
        symtab.position(24);                             // symbol 0 is the null symbol
        for (int i = 0; i < functions.size(); i++) {
            symtab.putInt(strtab.position());            // st_name
            symtab.put((byte) ((1 << 4) | 2));           // st_info: STB_GLOBAL, STT_FUNC
            symtab.put((byte) 0);                        // st_other
            symtab.putShort((short) 1);                  // st_shndx: .text
            symtab.putLong(0x1000 + 16L * i);            // st_value
            symtab.putLong(16);                          // st_size
            strtab.put(functions.get(i).getBytes(StandardCharsets.ISO_8859_1)).put((byte) 0);
        }
        int strOff = 64;
        int symOff = align(strOff + strtab.capacity());
        int shOff = align(symOff + symtab.capacity());
        ByteBuffer b = ByteBuffer.allocate(shOff + 4 * 64).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) 62).putInt(20, 1).putLong(40, shOff)
                .putShort(52, (short) 64).putShort(58, (short) 64).putShort(60, (short) 4);
        b.put(strOff, strtab.array()).put(symOff, symtab.array());
        section(b, shOff + 64, 1, 0x1000, 0, 16 * functions.size(), 0, 0);        // .text (no bytes in the file)
        section(b, shOff + 128, 2, 0, symOff, symtab.capacity(), 3, 24);          // .symtab, linked to .strtab
        section(b, shOff + 192, 3, 0, strOff, strtab.capacity(), 0, 0);           // .strtab
        return Files.write(file, b.array());
    }

    private static void section(ByteBuffer b, int at, int type, long addr, long offset, long size, int link, long entsize) {
        b.putInt(at + 4, type).putLong(at + 16, addr).putLong(at + 24, offset).putLong(at + 32, size)
                .putInt(at + 40, link).putLong(at + 56, entsize);
    }

    private static int align(int n) {
        return (n + 7) & ~7;
    }
}
