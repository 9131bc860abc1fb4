package org.stapvm.lang.inputs;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The files and folders outside the command line whose contents a compile read: what the compile
 * cache (bin/compile-cache.bash) checks before it runs a cached module instead of compiling again.
 * The readers call {@link #file}/{@link #folder} where they open something; /proc and /sys are left
 * out, as the cache key holds the running kernel's boot and loaded modules instead.
 */
public final class CompileInputs {
    private static final Set<String> FILES = new ConcurrentSkipListSet<>();
    private static final Set<String> FOLDERS = new ConcurrentSkipListSet<>();

    private CompileInputs() {}

    /** A file whose bytes the module depends on (a script, a tapset, a probed ELF file). */
    public static void file(Path p) {
        add(FILES, p);
    }

    /** A folder whose listing the module depends on (a tapset directory searched for files). */
    public static void folder(Path p) {
        add(FOLDERS, p);
    }

    public static Set<String> files() {
        return new TreeSet<>(FILES);
    }

    public static Set<String> folders() {
        return new TreeSet<>(FOLDERS);
    }

    private static void add(Set<String> set, Path p) {
        String s = p.toAbsolutePath().normalize().toString();
        if (!s.startsWith("/proc/") && !s.startsWith("/sys/") && !s.startsWith("/dev/")) {
            set.add(s);
        }
    }
}
