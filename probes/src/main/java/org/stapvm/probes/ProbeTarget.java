package org.stapvm.probes;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.stapvm.probes.java.JavaSession;
import org.stapvm.probes.symbols.KernelSymbols;
import org.stapvm.probes.symbols.KernelTracepoints;

/**
 * What a script is compiled for, as the probe families need it: the kernel release (the CLI's
 * {@code -r KVER}; "" for the running kernel) and, read once on first use, that kernel's symbols and
 * tracepoints.
 * One value per compilation, handed to the families as an argument; it also keeps the java()
 * probes' session (the JVM and its slots), which the run arms, and the processes process(PID) names.
 */
public final class ProbeTarget {
    private final String kernelRelease;
    private final Supplier<KernelSymbols> kernelSource;
    private final Supplier<KernelTracepoints> tracepointSource;
    private KernelSymbols kernelSymbols;
    private KernelTracepoints kernelTracepoints;
    private final JavaSession java = new JavaSession();
    private final Set<Integer> processPids = new TreeSet<>();
    private String moduleName = "stap_module";

    private ProbeTarget(String kernelRelease, Supplier<KernelSymbols> kernelSource,
                        Supplier<KernelTracepoints> tracepointSource) {
        this.kernelRelease = kernelRelease;
        this.kernelSource = kernelSource;
        this.tracepointSource = tracepointSource;
    }

    /** The running kernel: /proc/kallsyms. */
    public static ProbeTarget running() {
        return release("");
    }

    /** Kernel {@code release} ("" = the running one): /boot/System.map-RELEASE otherwise. */
    public static ProbeTarget release(String release) {
        return new ProbeTarget(release, () -> KernelSymbols.of(release), () -> KernelTracepoints.of(release));
    }

    /** A kernel whose symbols are given (a fixture, in tests). */
    public static ProbeTarget withKernelSymbols(String release, KernelSymbols symbols) {
        return new ProbeTarget(release, () -> symbols, () -> KernelTracepoints.of(release));
    }

    /** A kernel whose tracepoints are given (a fixture, in tests). */
    public static ProbeTarget withKernelTracepoints(String release, KernelTracepoints tracepoints) {
        return new ProbeTarget(release, () -> KernelSymbols.of(release), () -> tracepoints);
    }

    /** The module's name (-m, else stap_HASH): procfs probes' files live in /proc/systemtap/NAME. */
    public String moduleName() {
        return moduleName;
    }

    public void moduleName(String name) {
        moduleName = name;
    }

    public String kernelRelease() {
        return kernelRelease;
    }

    public synchronized KernelSymbols kernelSymbols() {
        if (kernelSymbols == null) {
            kernelSymbols = kernelSource.get();
        }
        return kernelSymbols;
    }

    public synchronized KernelTracepoints kernelTracepoints() {
        if (kernelTracepoints == null) {
            kernelTracepoints = tracepointSource.get();
        }
        return kernelTracepoints;
    }

    /** Notes that a process(PID) probe names process {@code pid}, which the run is then to trace. */
    public synchronized void notePid(int pid) {
        processPids.add(pid);
    }

    /** The processes process(PID) probes named, in order. */
    public synchronized List<Integer> processPids() {
        return List.copyOf(processPids);
    }

    /** The java() probes resolved so far, and their JVM. */
    public JavaSession java() {
        return java;
    }
}
