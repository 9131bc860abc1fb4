package org.stapvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Debian kernel the tests compile for with -r: the newest /boot/vmlinuz-*-amd64 with its
 * modules installed, as runtime-native/guest/kver.sh picks the guest's (KVER overrides). The
 * release moves with Debian's linux-image-amd64, so no test names it.
 */
final class GuestKernel {
    private GuestKernel() {}

    static Optional<String> release() {
        String forced = System.getenv("KVER");
        if (forced != null && !forced.isEmpty()) {
            return Optional.of(forced);
        }
        try (Stream<Path> boot = Files.list(Path.of("/boot"))) {
            return boot.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("vmlinuz-") && n.endsWith("-amd64"))
                    .map(n -> n.substring("vmlinuz-".length()))
                    .filter(k -> Files.isDirectory(Path.of("/lib/modules", k)))
                    .max(Comparator.comparing(GuestKernel::versionKey));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** "6.1.0-57-amd64" as a key that sorts numerically (sort -V for these names). */
    private static String versionKey(String release) {
        StringBuilder key = new StringBuilder();
        for (String part : release.split("[.-]")) {
            key.append(part.matches("\\d+") ? String.format("%08d", Long.parseLong(part)) : part).append('.');
        }
        return key.toString();
    }
}
