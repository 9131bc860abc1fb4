package org.stapvm.probes.symbols;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where {@code process("PATH")} points: a name without '/' is looked up on $PATH as a shell
 * would; the result is the canonical path (symlinks resolved: /bin/ls is /usr/bin/ls on a
 * merged-/usr system), which is what stap prints in pp() and what /proc/PID/maps shows.
 */
public final class Executables {
    private Executables() {}

    public static Optional<Path> resolve(String name, String searchPath) {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        if (name.indexOf('/') >= 0) {
            return canonical(Path.of(name));
        }
        for (String dir : (searchPath == null ? "" : searchPath).split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path p = Path.of(dir, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return canonical(p);
            }
        }
        return Optional.empty();
    }

    public static Optional<Path> resolve(String name) {
        return resolve(name, System.getenv("PATH"));
    }

    private static Optional<Path> canonical(Path p) {
        try {
            Path real = p.toAbsolutePath().toRealPath();
            return Files.isRegularFile(real) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
