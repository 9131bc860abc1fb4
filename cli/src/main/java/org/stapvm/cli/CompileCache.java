package org.stapvm.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.stapvm.lang.inputs.CompileInputs;

/**
 * The Java half of the compile cache (bin/compile-cache.bash has the other): when the launcher found
 * no entry for this command line it names one in $STAPVM_CACHE_ENTRY, and a run that starts stores
 * there what a later identical command needs to run without the JVM: the verified module, the
 * loader's arguments, what the compile printed on stderr, and the inputs
 * outside the command line the compile read, which the launcher checks before it uses the entry.
 */
final class CompileCache {
    /** What the entry's files are called; bin/compile-cache.bash reads the same names. */
    static final String MODULE = "module.stpb", ARGS = "args", PRINTED = "stderr", FILES = "inputs.sha256",
            FOLDERS = "folders";

    private final Path entry;
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private CompileCache(Path entry) {
        this.entry = entry;
    }

    /** The cache this run may fill, or null: the launcher asked for none, or -v/--disable-cache. */
    static CompileCache requested(Options options) {
        String dir = System.getenv("STAPVM_CACHE_ENTRY");
        if (dir == null || dir.isEmpty() || options.disableCache || options.verbosity() > 0 || options.lastPass != 5) {
            return null;
        }
        return new CompileCache(Path.of(dir));
    }

    /** err, with what is printed on it kept for the entry. */
    PrintStream tee(PrintStream err) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                err.write(b);
                printed.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                err.write(b, off, len);
                printed.write(b, off, len);
            }

            @Override
            public void flush() {
                err.flush();
            }
        }, true);
    }

    /**
     * Whether a run of these options can be repeated from the entry alone: not with -x or process(PID)
     * (another process next time), --sign (the key's file), -r (another release's files) or stack
     * modules (-d/--ldd ask the system's loader), nor when stap's count of suppressed warnings is
     * printed after the run's output (the launcher execs the loader: it prints nothing after it).
     */
    static boolean repeatable(Options options, Integer targetPid, String trailer) {
        return targetPid == null && options.signKey == null && options.kernelRelease == null
                && options.unwindModules.isEmpty() && !options.ldd && trailer.isEmpty();
    }

    /** Writes the entry (to a new folder renamed into place: a reader sees all of it or none). */
    void store(byte[] module, List<String> loaderArgs) {
        Path tmp = null;
        try {
            Files.createDirectories(entry.getParent());
            tmp = Files.createTempDirectory(entry.getParent(), ".new-");
            Files.write(tmp.resolve(MODULE), module);
            Files.write(tmp.resolve(ARGS), String.join("\0", loaderArgs).concat("\0").getBytes(StandardCharsets.UTF_8));
            Files.write(tmp.resolve(PRINTED), printed.toByteArray());
            StringBuilder files = new StringBuilder();
            for (String f : CompileInputs.files()) {
                files.append(sha256(Path.of(f))).append("  ").append(f).append('\n');
            }
            Files.writeString(tmp.resolve(FILES), files);
            StringBuilder folders = new StringBuilder();
            for (String d : CompileInputs.folders()) {
                folders.append(mtime(Path.of(d))).append(' ').append(d).append('\n');
            }
            Files.writeString(tmp.resolve(FOLDERS), folders);
            Files.move(tmp, entry, StandardCopyOption.ATOMIC_MOVE);
            tmp = null;
            CacheCleaner.clean(false);
        } catch (IOException e) {
            // another run stored the same entry first, or the cache is not writable: the run goes on,
            // and the next one compiles again (its output is the same either way, so nothing is said)
        } finally {
            if (tmp != null) {
                try {
                    CacheCleaner.delete(tmp);
                } catch (IOException e) {
                    // a leftover .new- folder is skipped by the launcher and cleaned with the cache
                }
            }
        }
    }

    /** A missing input is hashed as "-": the launcher's sha256sum check then fails on it, as it should. */
    private static String sha256(Path p) throws IOException {
        if (!Files.isRegularFile(p)) {
            return "-";
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As `stat -c %.9Y` prints a folder's modification time (seconds.nanoseconds). */
    private static String mtime(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return "-";
        }
        long ns = Files.getLastModifiedTime(p).to(TimeUnit.NANOSECONDS);
        return String.format("%d.%09d", Math.floorDiv(ns, 1_000_000_000L), Math.floorMod(ns, 1_000_000_000L));
    }
}
