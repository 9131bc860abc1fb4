package org.stapvm.lang.pp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads a kernel's CONFIG_ options the way stap does: {@code CONFIG_X=value}, value kept verbatim. */
public final class KernelConfig {
    private KernelConfig() {}

    /** Options of {@code release} from /boot/config-R or /lib/modules/R/build/.config; empty if neither exists. */
    public static Map<String, String> forRelease(String release) {
        return read(List.of(Path.of("/boot", "config-" + release),
                Path.of("/lib/modules", release, "build", ".config")));
    }

    /** Options of the first readable file among {@code candidates}; empty if none is. */
    public static Map<String, String> read(List<Path> candidates) {
        for (Path p : candidates) {
            if (Files.isReadable(p)) {
                try {
                    return parse(Files.readAllLines(p, StandardCharsets.ISO_8859_1));
                } catch (IOException | UncheckedIOException e) {
                    // An unreadable config behaves like a missing one: every option compares as "".
                }
            }
        }
        return Map.of();
    }

    /** "# CONFIG_X is not set" and other lines are skipped, so unset options read as "". */
    public static Map<String, String> parse(List<String> lines) {
        Map<String, String> config = new HashMap<>();
        for (String line : lines) {
            int eq = line.indexOf('=');
            if (line.startsWith("CONFIG_") && eq > 0) {
                config.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return config;
    }
}
