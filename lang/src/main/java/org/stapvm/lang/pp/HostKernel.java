package org.stapvm.lang.pp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Which kernel release and architecture this machine targets by default. */
public final class HostKernel {
    private HostKernel() {}

    /**
     * The running kernel's release if it has a build tree; otherwise (e.g. a container whose
     * host kernel is not installed) the newest release under /lib/modules, preferring one with
     * a /boot/config-R so CONFIG_ conditions have values.
     */
    public static String release() {
        return choose(uname(), Path.of("/lib/modules"), Path.of("/boot"));
    }

    static String choose(String running, Path modules, Path boot) {
        if (Files.isDirectory(modules.resolve(running).resolve("build"))) {
            return running;
        }
        List<String> installed;
        try (Stream<Path> dirs = Files.list(modules)) {
            installed = dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).toList();
        } catch (IOException e) {
            return running;
        }
        Comparator<String> byConfig = Comparator.comparing(r -> Files.exists(boot.resolve("config-" + r)));
        Comparator<String> byBuild = Comparator.comparing(r -> Files.isDirectory(modules.resolve(r).resolve("build")));
        return installed.stream()
                .max(byConfig.thenComparing(byBuild).thenComparing(VersionCompare::compare))
                .orElse(running);
    }

    static String uname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return System.getProperty("os.version");
        }
    }

    /** stap's architecture name for this JVM's os.arch. */
    public static String arch() {
        return archName(System.getProperty("os.arch"));
    }

    static String archName(String osArch) {
        return switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i486", "i586", "i686" -> "i386";
            case "aarch64", "arm64" -> "arm64";
            case "ppc64", "ppc64le" -> "powerpc";
            case "s390x" -> "s390";
            case "riscv64" -> "riscv";
            default -> osArch;
        };
    }
}
