package org.stapvm.probes.symbols;

import org.stapvm.lang.inputs.CompileInputs;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stapvm.lang.Glob;

/**
 * A symbol source: the function symbols of an x86-64 ELF file, from {@code .symtab} and {@code .dynsym}: what
 * {@code process("PATH").function("PATTERN")} can name without DWARF. Only defined FUNC and IFUNC
 * symbols count (an undefined {@code malloc} in ls's .dynsym is an import, not a function of ls,
 * as stap says "no match"). The runtime's C reader (runtime-native/user/elfsyms.c) applies the
 * same rule when it resolves the name again at run time.
 */
public final class ElfFunctions {
    private static final int SHT_SYMTAB = 2;
    private static final int SHT_DYNSYM = 11;
    private static final int STT_FUNC = 2;
    private static final int STT_GNU_IFUNC = 10;
    private static final int EM_X86_64 = 62;

    /** One function: its name and link-time address. */
    public record Function(String name, long value) {}

    private final Map<String, Function> byName;
    private final List<String> globalNames;

    private ElfFunctions(Map<String, Function> byName, List<String> globalNames) {
        this.byName = byName;
        this.globalNames = globalNames;
    }

    /** Thrown for a file that is not a readable x86-64 ELF64 object. */
    public static final class NotElfException extends IOException {
        NotElfException(String message) {
            super(message);
        }
    }

    /** {@code file} mapped little-endian, once it is checked to be a 64-bit little-endian x86-64 ELF file. */
    static ByteBuffer map(Path file) throws IOException {
        ByteBuffer b;
        CompileInputs.file(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            b = ch.map(FileChannel.MapMode.READ_ONLY, 0, ch.size()).order(ByteOrder.LITTLE_ENDIAN);
        }
        if (b.limit() < 64 || b.getInt(0) != 0x464c457f || b.get(4) != 2 || b.get(5) != 1
                || Short.toUnsignedInt(b.getShort(18)) != EM_X86_64) {
            throw new NotElfException(file + " is not an x86-64 ELF file");
        }
        return b;
    }

    /** Reads {@code file}; .symtab entries come first, a name seen twice keeps its first entry. */
    public static ElfFunctions read(Path file) throws IOException {
        ByteBuffer b = map(file);
        long shoff = b.getLong(40);
        int shentsize = Short.toUnsignedInt(b.getShort(58));
        int shnum = Short.toUnsignedInt(b.getShort(60));
        Map<String, Function> names = new LinkedHashMap<>();
        java.util.Set<String> globals = new java.util.LinkedHashSet<>();
        try {
            for (int type : new int[] {SHT_SYMTAB, SHT_DYNSYM}) {
                for (int i = 0; i < shnum; i++) {
                    int sh = (int) (shoff + (long) i * shentsize);
                    if (b.getInt(sh + 4) == type) {
                        int link = b.getInt(sh + 40);
                        int strOff = (int) b.getLong((int) (shoff + (long) link * shentsize) + 24);
                        symbols(b, (int) b.getLong(sh + 24), (int) b.getLong(sh + 32), strOff, names, globals);
                    }
                }
            }
        } catch (IndexOutOfBoundsException e) {
            throw new NotElfException(file + " has a malformed symbol table");
        }
        return new ElfFunctions(Collections.unmodifiableMap(names), List.copyOf(globals));
    }

    private static void symbols(ByteBuffer b, int off, int size, int strOff, Map<String, Function> out,
                                java.util.Set<String> globals) {
        for (int s = off; s + 24 <= off + size; s += 24) {
            int info = b.get(s + 4) & 0xff;
            int shndx = Short.toUnsignedInt(b.getShort(s + 6));
            int type = info & 0xf;
            if (type != STT_FUNC && type != STT_GNU_IFUNC) {
                continue;
            }
            String name = cString(b, strOff + b.getInt(s));
            int at = name.indexOf('@');       // versioned .symtab names: malloc@GLIBC_2.2.5
            if (at > 0) {
                name = name.substring(0, at);
            }
            if (name.isEmpty()) {
                continue;
            }
            if (info >> 4 != 0) {             // not STB_LOCAL: stap suggests these, imports included
                globals.add(name);
            }
            if (shndx != 0) {
                out.putIfAbsent(name, new Function(name, b.getLong(s + 8)));
            }
        }
    }

    /** The NUL-terminated string at {@code at} of b (ISO-8859-1, as ELF names are bytes). */
    static String cString(ByteBuffer b, int at) {
        int end = at;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - at];
        b.get(at, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** Every function name, .symtab order first. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }

    /** Global and weak function names, imports included: the candidates of stap's "similar functions". */
    public List<String> globalNames() {
        return globalNames;
    }

    public Function lookup(String name) {
        return byName.get(name);
    }

    /** The functions whose names match a stap wildcard pattern ({@link Glob#FUNCTION_NAMES}), sorted by name. */
    public List<Function> matching(String pattern) {
        if (!Glob.hasWildcard(pattern)) {
            Function f = byName.get(pattern);
            return f == null ? List.of() : List.of(f);
        }
        List<Function> out = new ArrayList<>();
        for (Function f : byName.values()) {
            if (Glob.FUNCTION_NAMES.matches(pattern, f.name())) {
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparing(Function::name));
        return out;
    }
}
