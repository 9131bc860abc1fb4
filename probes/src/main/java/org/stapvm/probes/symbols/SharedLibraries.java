package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared libraries an x86-64 ELF program loads, found as ld.so finds them: its PT_INTERP, then each
 * DT_NEEDED soname (of the program, then of each library, breadth first) in its DT_RUNPATH/DT_RPATH
 * (with $ORIGIN), the directories of /etc/ld.so.conf and its includes, then /lib and /usr/lib. What
 * {@code process("P").library("LIB")} matches LIB against. Each library once, as first found.
 */
public final class SharedLibraries {
    private static final int PT_INTERP = 3;
    private static final int PT_DYNAMIC = 2;
    private static final int PT_LOAD = 1;

    /** One library: the path it was found at (what stap names it by) and that path made canonical. */
    public record Library(Path found, Path canonical) {}

    private SharedLibraries() {}

    public static List<Library> of(Path program) throws IOException {
        Map<Path, Library> out = new LinkedHashMap<>();
        List<Path> conf = confDirectories(Path.of("/etc/ld.so.conf"), 0);
        Deque<Path> todo = new ArrayDeque<>(List.of(program));
        boolean first = true;
        while (!todo.isEmpty()) {
            Path file = todo.poll();
            Dynamic d;
            try {
                d = Dynamic.read(file);
            } catch (IOException e) {
                if (first) {
                    throw e;
                }
                continue; // a library ld.so would also fail on: stap lists what it can
            }
            if (first && d.interp != null) {
                add(out, Path.of(d.interp), todo);
            }
            first = false;
            for (String soname : d.needed) {
                List<Path> dirs = new ArrayList<>();
                for (String dir : d.runpath) {
                    dirs.add(Path.of(dir.replace("$ORIGIN", String.valueOf(file.toAbsolutePath().getParent()))));
                }
                dirs.addAll(conf);
                dirs.add(Path.of("/lib"));
                dirs.add(Path.of("/usr/lib"));
                Path found = soname.indexOf('/') >= 0 ? Path.of(soname)
                        : dirs.stream().map(dir -> dir.resolve(soname)).filter(Files::isRegularFile).findFirst().orElse(null);
                if (found != null) {
                    add(out, found, todo);
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private static void add(Map<Path, Library> out, Path found, Deque<Path> todo) {
        try {
            Path real = found.toRealPath();
            if (!out.containsKey(real)) {
                out.put(real, new Library(found, real));
                todo.add(real);
            }
        } catch (IOException e) {
            // not there: ld.so would fail too
        }
    }

    /** The directories a ld.so.conf names, its "include GLOB" lines followed (as ldconfig, to a bounded depth). */
    private static List<Path> confDirectories(Path conf, int depth) {
        List<Path> out = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(conf);
        } catch (IOException e) {
            return out;
        }
        for (String raw : lines) {
            String line = raw.replaceFirst("#.*", "").trim();
            if (line.startsWith("include ") && depth < 4) {
                Path glob = Path.of(line.substring(8).trim());
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(glob.getParent(), glob.getFileName().toString())) {
                    List<Path> files = new ArrayList<>();
                    ds.forEach(files::add);
                    files.sort(null);
                    for (Path f : files) {
                        out.addAll(confDirectories(f, depth + 1));
                    }
                } catch (IOException | RuntimeException e) {
                    // an include that names nothing: ldconfig skips it too
                }
            } else if (line.startsWith("/")) {
                out.add(Path.of(line));
            }
        }
        return out;
    }

    /** What ld.so reads of one file: its interpreter, needed sonames and run paths. */
    private record Dynamic(String interp, List<String> needed, List<String> runpath) {
        static Dynamic read(Path file) throws IOException {
            ByteBuffer b = ElfFunctions.map(file);
            try {
                long phoff = b.getLong(32);
                int phentsize = Short.toUnsignedInt(b.getShort(54));
                int phnum = Short.toUnsignedInt(b.getShort(56));
                String interp = null;
                long dynOff = -1;
                long dynSize = 0;
                List<long[]> loads = new ArrayList<>();
                for (int i = 0; i < phnum; i++) {
                    int ph = (int) (phoff + (long) i * phentsize);
                    int type = b.getInt(ph);
                    if (type == PT_INTERP) {
                        interp = ElfFunctions.cString(b, (int) b.getLong(ph + 8));
                    } else if (type == PT_DYNAMIC) {
                        dynOff = b.getLong(ph + 8);
                        dynSize = b.getLong(ph + 32);
                    } else if (type == PT_LOAD) {
                        loads.add(new long[] {b.getLong(ph + 16), b.getLong(ph + 8), b.getLong(ph + 32)});
                    }
                }
                List<String> needed = new ArrayList<>();
                List<String> runpath = new ArrayList<>();
                if (dynOff < 0) {
                    return new Dynamic(interp, needed, runpath);
                }
                long strtab = -1;
                List<long[]> entries = new ArrayList<>();
                for (long at = dynOff; at + 16 <= dynOff + dynSize; at += 16) {
                    long tag = b.getLong((int) at);
                    long val = b.getLong((int) at + 8);
                    if (tag == 0) {
                        break;
                    }
                    if (tag == 5) {               // DT_STRTAB, a virtual address
                        strtab = fileOffset(loads, val);
                    }
                    entries.add(new long[] {tag, val});
                }
                for (long[] e : entries) {
                    if (strtab < 0) {
                        break;
                    }
                    if (e[0] == 1) {              // DT_NEEDED
                        needed.add(ElfFunctions.cString(b, (int) (strtab + e[1])));
                    } else if (e[0] == 29 || e[0] == 15) { // DT_RUNPATH, DT_RPATH
                        for (String dir : ElfFunctions.cString(b, (int) (strtab + e[1])).split(":")) {
                            if (!dir.isEmpty()) {
                                runpath.add(dir);
                            }
                        }
                    }
                }
                return new Dynamic(interp, needed, runpath);
            } catch (IndexOutOfBoundsException e) {
                throw new ElfFunctions.NotElfException(file + " has malformed program headers");
            }
        }

        private static long fileOffset(List<long[]> loads, long vaddr) {
            for (long[] l : loads) {
                if (vaddr >= l[0] && vaddr - l[0] < l[2]) {
                    return l[1] + (vaddr - l[0]);
                }
            }
            return -1;
        }
    }
}
