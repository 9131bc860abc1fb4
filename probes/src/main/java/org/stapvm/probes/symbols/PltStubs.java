package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A symbol source: the PLT stubs of an x86-64 ELF file, one per R_X86_64_JUMP_SLOT entry of
 * {@code .rela.plt}, named by its .dynsym symbol: what {@code process("PATH").plt("NAME")} matches. Entry i's
 * stub is at {@code .plt + 16 (i + 1)} (past the resolver's stub), as stap places it, but at {@code .plt.sec + 16 i}
 * where the file has a .plt.sec (IBT): calls go there, and reach the .plt slot stap 4.8 probes only while
 * the symbol is not yet bound.
 */
public final class PltStubs {
    private static final int SHT_RELA = 4;
    private static final int R_X86_64_JUMP_SLOT = 7;
    private static final int STUB = 16;

    /** One stub: the imported function's name and the stub's link-time address. */
    public record Stub(String name, long address) {}

    private PltStubs() {}

    /** The stubs of {@code file} in .rela.plt order; none for a file without a .rela.plt (static, no imports). */
    public static List<Stub> read(Path file) throws IOException {
        ByteBuffer b = ElfFunctions.map(file);
        try {
            long shoff = b.getLong(40);
            int shentsize = Short.toUnsignedInt(b.getShort(58));
            int shnum = Short.toUnsignedInt(b.getShort(60));
            int names = (int) b.getLong((int) (shoff + (long) Short.toUnsignedInt(b.getShort(62)) * shentsize) + 24);
            int rela = -1;
            long plt = -1;
            long pltSec = -1;
            for (int i = 0; i < shnum; i++) {
                int sh = (int) (shoff + (long) i * shentsize);
                String name = ElfFunctions.cString(b, names + b.getInt(sh));
                switch (name) {
                    case ".rela.plt" -> rela = b.getInt(sh + 4) == SHT_RELA ? sh : -1;
                    case ".plt" -> plt = b.getLong(sh + 16);
                    case ".plt.sec" -> pltSec = b.getLong(sh + 16);
                    default -> { }
                }
            }
            List<Stub> out = new ArrayList<>();
            if (rela < 0 || (plt < 0 && pltSec < 0)) {
                return out;
            }
            int symtab = (int) (shoff + (long) b.getInt(rela + 40) * shentsize);
            int syms = (int) b.getLong(symtab + 24);
            int strs = (int) b.getLong((int) (shoff + (long) b.getInt(symtab + 40) * shentsize) + 24);
            int off = (int) b.getLong(rela + 24);
            int count = (int) (b.getLong(rela + 32) / 24);
            for (int i = 0; i < count; i++) {
                long info = b.getLong(off + i * 24 + 8);
                if ((int) info != R_X86_64_JUMP_SLOT) {
                    continue;
                }
                String name = ElfFunctions.cString(b, strs + b.getInt(syms + (int) (info >>> 32) * 24));
                long at = pltSec >= 0 ? pltSec + (long) STUB * i : plt + (long) STUB * (i + 1);
                out.add(new Stub(name, at));
            }
            return out;
        } catch (IndexOutOfBoundsException e) {
            throw new ElfFunctions.NotElfException(file + " has a malformed .rela.plt");
        }
    }
}
