package org.stapvm.probes.dwarf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.stapvm.lang.Glob;
import org.stapvm.probes.nativebridge.DwarfReader;

/**
 * A symbol source: the functions a userspace ELF file's DWARF describes, with the file and line that
 * declare them: what {@code process("P").function("F@FILE[:LINE]")} matches against and what stap
 * prints in pp() ({@code function("F@/src/f.c:12")}), and the places where functions are inlined
 * ({@code .function("F").inline}). Empty for a file without debug information.
 */
public final class DwarfIndex {
    /** One function: its name, declaring file, line and entry address. */
    public record Entry(String name, String file, int line, long lowPc) {
        /** As stap writes a DWARF function in a probe point: NAME@FILE:LINE. */
        public String qualified() {
            return name + "@" + file + ":" + line;
        }
    }

    private static final Map<String, DwarfIndex> CACHE = new ConcurrentHashMap<>();
    private final Map<String, Entry> byName;
    private final Map<Long, Entry> byAddress = new java.util.HashMap<>();
    private final List<Entry> inlined;

    private DwarfIndex(Map<String, Entry> byName, List<Entry> inlined) {
        this.byName = byName;
        this.inlined = List.copyOf(inlined);
        for (Entry e : byName.values()) {
            byAddress.putIfAbsent(e.lowPc(), e);
        }
    }

    /** The index of {@code path} (read once); empty without DWARF or without stapvm's DWARF reader. */
    public static DwarfIndex of(String path) {
        return CACHE.computeIfAbsent(path, DwarfIndex::read);
    }

    private static DwarfIndex read(String path) {
        Map<String, Entry> out = new LinkedHashMap<>();
        try {
            for (Entry e : entries(DwarfReader.functions(path), 0x464d5653)) {
                out.putIfAbsent(e.name(), e);
            }
        } catch (DwarfReader.Failure | RuntimeException e) {
            // no DWARF: the file's functions are known by their symbols only
        }
        List<Entry> inlined = List.of();
        try {
            inlined = entries(DwarfReader.inlines(path), 0x494d5653);
        } catch (DwarfReader.Failure | RuntimeException e) {
            // no DWARF: no inlined instances are known
        }
        return new DwarfIndex(java.util.Collections.unmodifiableMap(out), inlined);
    }

    /** The entries of an "SVMF" or "SVMI" blob (stapvm_dwarf.h): the same record, a low_pc or an instance's entry pc. */
    private static List<Entry> entries(byte[] blob, int magic) {
        ByteBuffer b = ByteBuffer.wrap(blob).order(ByteOrder.LITTLE_ENDIAN);
        List<Entry> out = new ArrayList<>();
        if (b.getInt() == magic && b.getInt() == 1) {
            int n = b.getInt();
            for (int i = 0; i < n; i++) {
                String name = str(b);
                String file = str(b);
                int line = b.getInt();
                out.add(new Entry(name, file, line, b.getLong()));
            }
        }
        return out;
    }

    private static String str(ByteBuffer b) {
        byte[] s = new byte[b.getInt()];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }

    /** One statement row of a function's line table. */
    public record Line(String file, int line, long address) {}

    /** The statement rows of function {@code name} of {@code path}, in address order (none without DWARF lines). */
    public static java.util.List<Line> lines(String path, String name) {
        java.util.List<Line> out = new java.util.ArrayList<>();
        try {
            ByteBuffer b = ByteBuffer.wrap(DwarfReader.lines(path, name)).order(ByteOrder.LITTLE_ENDIAN);
            if (b.getInt() == 0x4c4d5653 && b.getInt() == 1) {
                int n = b.getInt();
                for (int i = 0; i < n; i++) {
                    String file = str(b);
                    int line = b.getInt();
                    out.add(new Line(file, line, b.getLong()));
                }
            }
        } catch (DwarfReader.Failure | RuntimeException e) {
            // no lines: no statement of this function can be named by line
        }
        return out;
    }

    /** Every function DWARF describes, in the order it lists them. */
    public java.util.Collection<Entry> entries() {
        return byName.values();
    }

    /**
     * Every inlined instance DWARF describes (an Entry whose lowPc is the instance's entry pc), in its
     * order; a function inlined in several places has one entry per place.
     */
    public List<Entry> inlined() {
        return inlined;
    }

    public Optional<Entry> lookup(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The function DWARF describes as starting at {@code lowPc} (the first listed, when several do). */
    public Optional<Entry> at(long lowPc) {
        return Optional.ofNullable(byAddress.get(lowPc));
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Whether a function declared in {@code file} at {@code line} matches stap's "@FILE[:LINE]" part:
     * the file pattern matches the whole path or a tail of it after a '/', the line (if given) is equal.
     */
    public static boolean matchesFile(String filePattern, Entry e) {
        String pattern = filePattern;
        int line = -1;
        int colon = filePattern.lastIndexOf(':');
        if (colon > 0 && filePattern.substring(colon + 1).matches("\\d+")) {
            pattern = filePattern.substring(0, colon);
            line = Integer.parseInt(filePattern.substring(colon + 1));
        }
        if (line >= 0 && e.line() != line) {
            return false;
        }
        String f = e.file();
        if (Glob.FUNCTION_NAMES.matches(pattern, f)) {
            return true;
        }
        for (int i = f.indexOf('/'); i >= 0; i = f.indexOf('/', i + 1)) {
            if (Glob.FUNCTION_NAMES.matches(pattern, f.substring(i + 1))) {
                return true;
            }
        }
        return false;
    }
}
