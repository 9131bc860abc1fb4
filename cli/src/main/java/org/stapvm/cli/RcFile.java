package org.stapvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * stap's rc file, {@code $SYSTEMTAP_DIR/rc} (else {@code $HOME/.systemtap/rc}): each line is
 * split into words by the C library's wordexp(3), as stap splits it (quotes, $VARIABLES, ~,
 * wildcards; a command substitution or an undefined variable is an error), and the words come
 * before the command line's own. A missing or unreadable file adds nothing.
 */
final class RcFile {
    private RcFile() {}

    /** The file's words could not be expanded; the message is stap's, without a newline as stap prints it. */
    static final class Malformed extends Exception {
        Malformed(String file) {
            super("Error processing extra options in " + file);
        }
    }

    /** glibc's wordexp(3) and its flags (wordexp.h). */
    public interface LibC {
        int wordexp(byte[] words, Pointer result, int flags);

        void wordfree(Pointer result);
    }

    private static final int WRDE_NOCMD = 1 << 2;
    private static final int WRDE_UNDEF = 1 << 5;

    /** Where stap reads it: $SYSTEMTAP_DIR/rc, else $HOME/.systemtap/rc (the names joined as stap joins them). */
    static String path() {
        String dir = System.getenv("SYSTEMTAP_DIR");
        if (dir == null) {
            String home = System.getenv("HOME");
            dir = (home != null ? home : System.getProperty("user.home")) + "/.systemtap";
        }
        return dir + "/rc";
    }

    /** The words of the rc file at {@code file}, in order; none when it cannot be read. */
    static List<String> words(String file) throws Malformed {
        byte[] text;
        try {
            text = Files.readAllBytes(Path.of(file));
        } catch (IOException | RuntimeException e) {
            return List.of(); // stap's ifstream reads nothing from a missing file or a directory
        }
        List<String> words = new ArrayList<>();
        if (text.length == 0) {
            return words;
        }
        LibC libc = LibraryLoader.create(LibC.class).failImmediately().load("c");
        Runtime runtime = Runtime.getRuntime(libc);
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            // one line as a C string: what stap's getline gives wordexp (it stops at a NUL too)
            byte[] line = Arrays.copyOf(Arrays.copyOfRange(text, start, end), end - start + 1);
            Pointer result = Memory.allocateDirect(runtime, 3 * 8, true); // wordexp_t: we_wordc, we_wordv, we_offs
            if (libc.wordexp(line, result, WRDE_NOCMD | WRDE_UNDEF) != 0) {
                throw new Malformed(file);
            }
            long count = result.getLong(0);
            Pointer vector = result.getPointer(8);
            for (long i = 0; i < count; i++) {
                words.add(vector.getPointer(i * 8).getString(0));
            }
            libc.wordfree(result);
            start = end + 1;
        }
        return words;
    }
}
