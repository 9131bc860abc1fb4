package org.stapvm.probes.btf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where the BTF of a target kernel comes from. The running kernel (release "" or equal to
 * uname -r): {@code /sys/kernel/btf/vmlinux}, and {@code /sys/kernel/btf/MODULE} split on top of
 * it. Another release ({@code -r KVER}): the {@code .BTF} section of the vmlinux inside
 * {@code /boot/vmlinuz-KVER}, kept in the user's cache ({@code $XDG_CACHE_HOME/stapvm/btf}, keyed by
 * the image's size and time) since decompressing the image takes seconds; a module's, the .BTF
 * section of its .ko in /lib/modules/KVER. Each blob is read once per JVM.
 */
public final class KernelBtf {
    private static final Map<String, KernelBtf> BY_RELEASE = new HashMap<>();

    private final String release;
    private final Path sysfs;
    private final Path boot;
    private Btf vmlinux;
    private IOException vmlinuxError;
    private final Map<String, Optional<Btf>> modules = new HashMap<>();

    private KernelBtf(String release, Path sysfs, Path boot) {
        this.release = release;
        this.sysfs = sysfs;
        this.boot = boot;
    }

    /** The BTF of kernel {@code release} ("" for the running kernel). */
    public static synchronized KernelBtf forRelease(String release) {
        String running = runningRelease();
        String key = release == null || release.isEmpty() || release.equals(running) ? "" : release;
        return BY_RELEASE.computeIfAbsent(key, k -> k.isEmpty()
                ? new KernelBtf(running, Path.of("/sys/kernel/btf"), Path.of("/boot/vmlinuz-" + running))
                : new KernelBtf(k, null, Path.of("/boot/vmlinuz-" + k)));
    }

    /** A source over explicit files, for tests: sysfs may be null (then vmlinuz is read). */
    static KernelBtf of(String release, Path sysfs, Path vmlinuz) {
        return new KernelBtf(release, sysfs, vmlinuz);
    }

    public String release() {
        return release;
    }

    /** The kernel's own BTF. */
    public synchronized Btf vmlinux() throws IOException {
        if (vmlinux == null && vmlinuxError == null) {
            try {
                vmlinux = load();
            } catch (IOException e) {
                vmlinuxError = e;
            }
        }
        if (vmlinuxError != null) {
            throw vmlinuxError;
        }
        return vmlinux;
    }

    /**
     * A module's BTF split on vmlinux: /sys/kernel/btf/MODULE when it is loaded in the running kernel,
     * else the .BTF section of its .ko; empty when the module has none.
     */
    public synchronized Optional<Btf> module(String name) throws IOException {
        if (name == null || name.isEmpty() || name.equals("kernel")) {
            return Optional.of(vmlinux());
        }
        Optional<Btf> m = modules.get(name);
        if (m == null) {
            Path p = sysfs == null ? null : sysfs.resolve(name.replace('-', '_'));
            if (p != null && Files.isReadable(p)) {
                m = Optional.of(Btf.parse(Files.readAllBytes(p), vmlinux()));
            } else {
                Path ko = moduleFile(name);
                byte[] section = ko == null ? null : ElfSections.section(Files.readAllBytes(ko), ".BTF");
                m = section == null ? Optional.empty() : Optional.of(Btf.parse(section, vmlinux()));
            }
            modules.put(name, m);
        }
        return m;
    }

    /**
     * A module of this release not loaded here (-r KVER, or not loaded): its .ko under
     * /lib/modules/KVER as modules.dep names it ("kernel/net/9p/9pnet.ko: ..."), whose .BTF section
     * is split BTF on vmlinux's. Null when there is none (or it is compressed).
     */
    private Path moduleFile(String name) {
        Path dir = Path.of("/lib/modules", release);
        String want = name.replace('-', '_') + ".ko";
        try (Stream<String> lines = Files.lines(dir.resolve("modules.dep"))) {
            return lines.map(l -> l.substring(0, Math.max(0, l.indexOf(':'))))
                    .filter(f -> f.substring(f.lastIndexOf('/') + 1).replace('-', '_').equals(want))
                    .map(dir::resolve).filter(Files::isReadable).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The modules whose BTF the running kernel offers (/sys/kernel/btf/MODULE), sorted; none for another release. */
    public List<String> moduleNames() {
        List<String> out = new ArrayList<>();
        if (sysfs == null || !Files.isDirectory(sysfs)) {
            return out;
        }
        try (Stream<Path> s = Files.list(sysfs)) {
            s.map(p -> p.getFileName().toString()).filter(n -> !n.equals("vmlinux")).sorted().forEach(out::add);
        } catch (IOException e) {
            // unreadable: the kernel's own BTF only
        }
        return out;
    }

    /**
     * The modules whose BTF may declare tracepoints ({@code btf_trace_NAME} types). The running kernel:
     * those loaded ({@link #moduleNames}). Another release (-r KVER): each .ko modules.dep lists whose
     * .BTF section names such a type (106 of 4,023 for Debian's 6.1.0-57), found by one scan of the
     * modules whose result is kept in the cache beside the vmlinux BTF, keyed by modules.dep's size and time.
     */
    public List<String> tracepointModules() {
        if (sysfs != null) {
            return moduleNames();
        }
        Path dir = Path.of("/lib/modules", release);
        Path dep = dir.resolve("modules.dep");
        Path cached = cacheFile(dep, "modules-" + release, ".tracepoints");
        try {
            if (cached != null && Files.isReadable(cached)) {
                return Files.readAllLines(cached);
            }
            List<String> out = new ArrayList<>();
            byte[] marker = "btf_trace_".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            for (String line : Files.readAllLines(dep)) {
                String file = line.substring(0, Math.max(0, line.indexOf(':')));
                if (!file.endsWith(".ko")) {
                    continue; // compressed modules (.ko.xz) are not read
                }
                byte[] section = ElfSections.section(Files.readAllBytes(dir.resolve(file)), ".BTF");
                if (section != null && indexOf(section, marker) >= 0) {
                    out.add(file.substring(file.lastIndexOf('/') + 1, file.length() - 3).replace('-', '_'));
                }
            }
            out.sort(null);
            store(cached, String.join("\n", out).concat(out.isEmpty() ? "" : "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return out;
        } catch (IOException | RuntimeException e) {
            return List.of(); // no module list for that release: the kernel's own tracepoints only
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private Btf load() throws IOException {
        Path sys = sysfs == null ? null : sysfs.resolve("vmlinux");
        if (sys != null && Files.isReadable(sys)) {
            return Btf.parse(Files.readAllBytes(sys), null);
        }
        if (!Files.isReadable(boot)) {
            throw new IOException("no BTF for kernel " + release + ": neither /sys/kernel/btf/vmlinux nor " + boot + " is readable");
        }
        Path cached = cacheFile(boot, boot.getFileName().toString(), ".btf");
        if (cached != null && Files.isReadable(cached)) {
            return Btf.parse(Files.readAllBytes(cached), null);
        }
        byte[] section = ElfSections.section(BzImage.vmlinux(Files.readAllBytes(boot)), ".BTF");
        if (section == null) {
            throw new IOException("no BTF for kernel " + release + ": " + boot + " has no .BTF section (CONFIG_DEBUG_INFO_BTF)");
        }
        Btf btf = Btf.parse(section, null);
        store(cached, section);
        return btf;
    }

    /** A file of the user's cache for what was read from {@code source}, named by its size and time. */
    private static Path cacheFile(Path source, String name, String suffix) {
        try {
            String xdg = System.getenv("XDG_CACHE_HOME");
            Path dir = xdg != null && !xdg.isEmpty() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
            FileTime t = Files.getLastModifiedTime(source);
            return dir.resolve("stapvm/btf").resolve(name + "-" + Files.size(source) + "-" + t.toMillis() + suffix);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Best effort: a cache that cannot be written only costs the next run the decompression again. */
    private static void store(Path cached, byte[] section) {
        if (cached == null) {
            return;
        }
        try {
            Files.createDirectories(cached.getParent());
            Path tmp = Files.createTempFile(cached.getParent(), "btf", ".tmp");
            Files.write(tmp, section);
            Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            // not cached
        }
    }

    /** The release of the running kernel (/proc/sys/kernel/osrelease), "" if unknown. */
    public static String runningRelease() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim();
        } catch (IOException e) {
            return "";
        }
    }
}
