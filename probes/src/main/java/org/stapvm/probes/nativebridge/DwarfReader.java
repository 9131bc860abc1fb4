package org.stapvm.probes.nativebridge;

import org.stapvm.lang.inputs.CompileInputs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import jnr.ffi.LibraryLoader;

/**
 * The compiler's door to libstapvm-dwarf.so (elfutils' libdw behind runtime-native/dwarf), loaded once
 * on first use from -Dstapvm.dwarf, else $STAPVM_HOME/runtime-native/dwarf/build. Only compilation
 * uses it; runtimes never do.
 */
public final class DwarfReader {
    static final String LIBRARY_IN_TREE = "runtime-native/dwarf/build/libstapvm-dwarf.so";
    private static final int CAP = 4 << 20;

    /** Thrown when the library cannot be loaded, or libdw has no answer; the message says why. */
    public static class Failure extends Exception {
        Failure(String message) {
            super(message);
        }

        /** A failure of a reader of the blob (its decoder), in the same terms. */
        public static final class Wrapped extends Failure {
            public Wrapped(String message) {
                super(message);
            }
        }
    }

    private static final class Holder {
        static final LibStapvmDwarf LIB = load();
    }

    private DwarfReader() {}

    private static LibStapvmDwarf load() {
        String explicit = System.getProperty("stapvm.dwarf");
        String home = System.getenv("STAPVM_HOME");
        Path path = explicit != null ? Path.of(explicit) : Path.of(home != null ? home : ".").resolve(LIBRARY_IN_TREE);
        if (!Files.isReadable(path)) {
            return null;
        }
        try {
            return LibraryLoader.create(LibStapvmDwarf.class).failImmediately().load(path.toString());
        } catch (UnsatisfiedLinkError e) {
            return null;
        }
    }

    /** The blob stapvm_dwarf.h describes for func of path at mode (0 after the prologue, 1 at entry, 2 at pc). */
    public static byte[] function(String path, String func, int mode, long pc) throws Failure {
        LibStapvmDwarf lib = lib();
        CompileInputs.file(java.nio.file.Path.of(path));
        byte[] out = new byte[CAP];
        return result(out, lib.svm_dwarf_function(path, func, mode, pc, out, out.length));
    }

    /** The blob of svm_dwarf_lines: the statement rows of func's line table. */
    public static byte[] lines(String path, String func) throws Failure {
        LibStapvmDwarf lib = lib();
        CompileInputs.file(java.nio.file.Path.of(path));
        byte[] out = new byte[CAP];
        return result(out, lib.svm_dwarf_lines(path, func, out, out.length));
    }

    /** The blob of svm_dwarf_functions: every function of path that DWARF describes. */
    public static byte[] functions(String path) throws Failure {
        LibStapvmDwarf lib = lib();
        CompileInputs.file(java.nio.file.Path.of(path));
        byte[] out = new byte[CAP * 4];
        return result(out, lib.svm_dwarf_functions(path, out, out.length));
    }

    /** The blob of svm_dwarf_inlines: every inlined instance of a function of path. */
    public static byte[] inlines(String path) throws Failure {
        LibStapvmDwarf lib = lib();
        CompileInputs.file(java.nio.file.Path.of(path));
        byte[] out = new byte[CAP * 4];
        return result(out, lib.svm_dwarf_inlines(path, out, out.length));
    }

    /** The blob of svm_dwarf_unwind: path's call frame information as unwind rows. */
    public static byte[] unwind(String path) throws Failure {
        LibStapvmDwarf lib = lib();
        CompileInputs.file(java.nio.file.Path.of(path));
        byte[] out = new byte[CAP * 16];
        return result(out, lib.svm_dwarf_unwind(path, out, out.length));
    }

    private static LibStapvmDwarf lib() throws Failure {
        if (Holder.LIB == null) {
            throw new Failure("stapvm's DWARF reader (" + LIBRARY_IN_TREE + ") is not built");
        }
        return Holder.LIB;
    }

    private static byte[] result(byte[] out, long n) throws Failure {
        if (n < 0) {
            int end = 0;
            while (end < out.length && out[end] != 0) {
                end++;
            }
            throw new Failure(new String(out, 0, end, StandardCharsets.UTF_8));
        }
        return Arrays.copyOf(out, (int) n);
    }
}
