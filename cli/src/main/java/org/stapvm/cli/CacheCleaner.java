package org.stapvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps the compile cache within stap's limits: $SYSTEMTAP_DIR/cache/cache_mb_limit (MB, 256 when
 * the file is missing, which is then written as stap writes it), checked at most once every
 * cache_clean_interval_s seconds (300) after an entry is stored, and always for --clean-cache. The
 * least recently used entries go first (the launcher marks an entry used on each hit).
 */
final class CacheCleaner {
    private static final long DEFAULT_MB = 256, DEFAULT_INTERVAL_S = 300;
    private static final String LIMIT = "cache_mb_limit", INTERVAL = "cache_clean_interval_s", STAMP = ".cleaned",
            USED = "used";

    private CacheCleaner() {}

    /** stap's cache folder: $SYSTEMTAP_DIR/cache, else ~/.systemtap/cache. */
    static Path root() {
        String dir = System.getenv("SYSTEMTAP_DIR");
        return (dir != null && !dir.isEmpty() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".systemtap"))
                .resolve("cache");
    }

    /** Cleans when forced or when the interval has passed since the last cleaning; quiet on failure. */
    static void clean(boolean force) {
        Path root = root();
        try {
            Files.createDirectories(root);
            long limitMb = setting(root.resolve(LIMIT), DEFAULT_MB);
            long intervalS = setting(root.resolve(INTERVAL), DEFAULT_INTERVAL_S);
            Path entries = root.resolve("stapvm");
            Path stamp = root.resolve(STAMP);
            long now = System.currentTimeMillis();
            if (!force && Files.exists(stamp) && now - Files.getLastModifiedTime(stamp).toMillis() < intervalS * 1000) {
                return;
            }
            Files.write(stamp, new byte[0]);
            if (!Files.isDirectory(entries)) {
                return;
            }
            List<Entry> all = new ArrayList<>();
            try (Stream<Path> s = Files.list(entries)) {
                for (Path e : s.filter(Files::isDirectory).toList()) {
                    all.add(new Entry(e, size(e), lastUse(e)));
                }
            }
            long total = all.stream().mapToLong(Entry::bytes).sum();
            all.sort(Comparator.comparing(Entry::used));
            for (Entry e : all) {
                if (total <= limitMb << 20) {
                    break;
                }
                delete(e.dir());
                total -= e.bytes();
            }
        } catch (IOException | RuntimeException e) {
            // a cache that cannot be cleaned is only larger: the run is not concerned
        }
    }

    private record Entry(Path dir, long bytes, FileTime used) {}

    /** A number from a settings file; a missing file is written with the default, as stap does. */
    private static long setting(Path file, long dflt) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, dflt + "\n");
            return dflt;
        }
        try {
            return Long.parseLong(Files.readString(file).trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            long n = 0;
            for (Path f : s.toList()) {
                n += Files.isRegularFile(f) ? Files.size(f) : 0;
            }
            return n;
        }
    }

    private static FileTime lastUse(Path dir) throws IOException {
        Path used = dir.resolve(USED);
        return Files.exists(used) ? Files.getLastModifiedTime(used) : Files.getLastModifiedTime(dir);
    }

    /** Removes an entry folder (its files, then itself). */
    static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path f : s.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
