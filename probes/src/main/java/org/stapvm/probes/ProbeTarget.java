package org.stapvm.probes;

import java.util.function.Supplier;
import org.stapvm.probes.symbols.KernelSymbols;

/**
 * What a script is compiled for, as the probe families need it: the kernel release (the CLI's
 * {@code -r KVER}; "" for the running kernel) and, read once on first use, that kernel's symbols.
 * One value per compilation, handed to the families as an argument.
 */
public final class ProbeTarget {
    private final String kernelRelease;
    private final Supplier<KernelSymbols> kernelSource;
    private KernelSymbols kernelSymbols;

    private ProbeTarget(String kernelRelease, Supplier<KernelSymbols> kernelSource) {
        this.kernelRelease = kernelRelease;
        this.kernelSource = kernelSource;
    }

    /** The running kernel: /proc/kallsyms. */
    public static ProbeTarget running() {
        return release("");
    }

    /** Kernel {@code release} ("" = the running one): /boot/System.map-RELEASE otherwise. */
    public static ProbeTarget release(String release) {
        return new ProbeTarget(release, () -> KernelSymbols.of(release));
    }

    /** A kernel whose symbols are given (a fixture, in tests). */
    public static ProbeTarget withKernelSymbols(String release, KernelSymbols symbols) {
        return new ProbeTarget(release, () -> symbols);
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
}
