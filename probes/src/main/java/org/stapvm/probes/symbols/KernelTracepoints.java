package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.stapvm.lang.Glob;
import org.stapvm.probes.btf.Btf;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.KernelBtf;

/**
 * A symbol source: the kernel's tracepoints, for kernel.trace patterns. The names are those BTF
 * describes ({@code btf_trace_NAME} typedefs of vmlinux and of each module's BTF: those loaded for
 * the running kernel, every .ko of /lib/modules/KVER that has some for -r KVER), since those are the ones whose arguments can be typed; each one's
 * subsystem is its header's {@code TRACE_SYSTEM} ({@link TraceHeaders}), or for the running kernel
 * the tracefs directory it sits in, or unknown (""). Sorted by subsystem and name.
 */
public final class KernelTracepoints {
    /** One tracepoint: subsystem ("" unknown), name, and the module whose BTF describes it ("" the kernel). */
    public record Tracepoint(String system, String name, String module) {
        /** What kernel.trace prints: "SYSTEM:NAME", or NAME when the subsystem is unknown. */
        public String qualified() {
            return system.isEmpty() ? name : system + ":" + name;
        }
    }

    private static final Map<String, KernelTracepoints> BY_RELEASE = new HashMap<>();

    private final List<Tracepoint> all;

    private KernelTracepoints(List<Tracepoint> all) {
        this.all = all;
    }

    /** The tracepoints of kernel {@code release} ("" = the running one), read once per JVM. */
    public static synchronized KernelTracepoints of(String release) {
        return BY_RELEASE.computeIfAbsent(release == null ? "" : release, KernelTracepoints::read);
    }

    /** Tracepoints given as they are (a fixture, in tests). */
    public static KernelTracepoints of(List<Tracepoint> tracepoints) {
        return new KernelTracepoints(List.copyOf(tracepoints));
    }

    private static KernelTracepoints read(String release) {
        KernelBtf k = KernelBtf.forRelease(release);
        TraceHeaders headers = TraceHeaders.of(release);
        boolean running = release.isEmpty() || release.equals(KernelBtf.runningRelease());
        Map<String, String> tracefs = running ? null : Map.of();
        Map<String, Tracepoint> byName = new LinkedHashMap<>();
        List<String> modules = new ArrayList<>();
        modules.add("");
        modules.addAll(k.tracepointModules());
        for (String module : modules) {
            try {
                Btf btf = k.module(module).orElse(null);
                if (btf == null) {
                    continue;
                }
                for (String name : BtfFunctions.tracepointNames(btf)) {
                    String system = headers.systemOf(name);
                    if (system.isEmpty()) {
                        if (tracefs == null) {
                            tracefs = tracefsSystems();
                        }
                        system = tracefs.getOrDefault(name, "");
                    }
                    if (system.isEmpty() && !module.isEmpty()) {
                        continue; // as stap, which lists a module's tracepoints only from headers it has
                    }
                    byName.putIfAbsent(name, new Tracepoint(system, name, module));
                }
            } catch (IOException e) {
                // no BTF for this one: its tracepoints cannot be typed, so they are not offered
            }
        }
        List<Tracepoint> all = new ArrayList<>(byName.values());
        all.sort(Comparator.comparing(Tracepoint::system).thenComparing(Tracepoint::name));
        return new KernelTracepoints(List.copyOf(all));
    }

    /** tracefs's events/SYSTEM/NAME directories of the running kernel (when mounted and readable). */
    private static Map<String, String> tracefsSystems() {
        Map<String, String> out = new HashMap<>();
        for (String root : List.of("/sys/kernel/tracing/events", "/sys/kernel/debug/tracing/events")) {
            Path events = Path.of(root);
            if (!Files.isDirectory(events)) {
                continue;
            }
            try (Stream<Path> systems = Files.list(events)) {
                for (Path sys : systems.filter(Files::isDirectory).toList()) {
                    try (Stream<Path> names = Files.list(sys)) {
                        names.filter(Files::isDirectory)
                                .forEach(n -> out.putIfAbsent(n.getFileName().toString(), sys.getFileName().toString()));
                    }
                }
            } catch (IOException e) {
                // not readable
            }
            if (!out.isEmpty()) {
                break;
            }
        }
        return out;
    }

    public List<Tracepoint> all() {
        return all;
    }

    /**
     * The tracepoints {@code pattern} names, as stap reads it: "NAME" in any subsystem, "SYSTEM:NAME"
     * with both parts fnmatch patterns (a tracepoint of unknown subsystem matches no SYSTEM part).
     */
    public List<Tracepoint> match(String pattern) {
        int colon = pattern.indexOf(':');
        String system = colon < 0 ? null : pattern.substring(0, colon);
        String name = colon < 0 ? pattern : pattern.substring(colon + 1);
        List<Tracepoint> out = new ArrayList<>();
        for (Tracepoint t : all) {
            if (system != null && (t.system().isEmpty() || !Glob.FUNCTION_NAMES.matches(system, t.system()))) {
                continue;
            }
            if (Glob.FUNCTION_NAMES.matches(name, t.name())) {
                out.add(t);
            }
        }
        return out;
    }
}
