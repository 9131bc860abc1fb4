package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A symbol source: the SystemTap static markers of an x86-64 ELF file, its {@code .note.stapsdt}
 * notes (type 3, owner "stapsdt", as {@code <sys/sdt.h>} writes them): what
 * {@code process("PATH").mark("NAME")} names. Each note is one marker site: its provider, name,
 * link-time address, semaphore address (0: none) and argument specs ({@code 8@%rdi -4@-20(%rbp)}).
 * Addresses are as the file is linked now: a file whose {@code .stapsdt.base} moved since the
 * notes were written (prelink) has them shifted as gdb and stap do.
 */
public final class SdtNotes {
    private static final int SHT_NOTE = 7;
    private static final int NT_STAPSDT = 3;

    /** One marker site. {@code args} is the spec text as written, "" without arguments. */
    public record Mark(String provider, String name, long pc, long semaphore, String args) {
        /** The argument specs, one per argument. */
        public List<String> argSpecs() {
            return args.isBlank() ? List.of() : List.of(args.trim().split("\\s+"));
        }
    }

    private SdtNotes() {}

    /** The sites of {@code file} in note order (none: an empty list). */
    public static List<Mark> read(Path file) throws IOException {
        ByteBuffer b = ElfFunctions.map(file);
        try {
            long shoff = b.getLong(40);
            int shentsize = Short.toUnsignedInt(b.getShort(58));
            int shnum = Short.toUnsignedInt(b.getShort(60));
            int shstrndx = Short.toUnsignedInt(b.getShort(62));
            int names = (int) b.getLong((int) (shoff + (long) shstrndx * shentsize) + 24);
            long base = 0;
            List<int[]> notes = new ArrayList<>();
            for (int i = 0; i < shnum; i++) {
                int sh = (int) (shoff + (long) i * shentsize);
                String name = ElfFunctions.cString(b, names + b.getInt(sh));
                if (name.equals(".stapsdt.base")) {
                    base = b.getLong(sh + 16);
                } else if (name.equals(".note.stapsdt") && b.getInt(sh + 4) == SHT_NOTE) {
                    notes.add(new int[] {(int) b.getLong(sh + 24), (int) b.getLong(sh + 32)});
                }
            }
            List<Mark> out = new ArrayList<>();
            for (int[] n : notes) {
                marks(b, n[0], n[0] + n[1], base, out);
            }
            return out;
        } catch (IndexOutOfBoundsException e) {
            throw new ElfFunctions.NotElfException(file + " has a malformed .note.stapsdt section");
        }
    }

    private static void marks(ByteBuffer b, int at, int end, long base, List<Mark> out) {
        while (at + 12 <= end) {
            int namesz = b.getInt(at);
            int descsz = b.getInt(at + 4);
            int type = b.getInt(at + 8);
            int name = at + 12;
            int desc = name + align4(namesz);
            if (type == NT_STAPSDT && namesz == 8 && ElfFunctions.cString(b, name).equals("stapsdt") && descsz >= 24) {
                long pc = b.getLong(desc);
                long noteBase = b.getLong(desc + 8);
                long sem = b.getLong(desc + 16);
                long shift = base != 0 && noteBase != 0 ? base - noteBase : 0;
                int p = desc + 24;
                String provider = ElfFunctions.cString(b, p);
                p += provider.length() + 1;
                String mark = ElfFunctions.cString(b, p);
                p += mark.length() + 1;
                String args = p < desc + descsz ? ElfFunctions.cString(b, p) : "";
                out.add(new Mark(provider, mark, pc + shift, sem == 0 ? 0 : sem + shift, args));
            }
            at = desc + align4(descsz);
        }
    }

    private static int align4(int n) {
        return (n + 3) & ~3;
    }
}
