package org.stapvm.lang.pp;

import java.util.Map;

/**
 * What preprocessor conditions compare against: the target kernel, architecture, runtime,
 * SystemTap version and privilege, the kernel's CONFIG_ options, the script argument count
 * ({@code $#}, {@code @#}) and guru mode.
 */
public record PpContext(
        String kernelRelease,
        String arch,
        String runtime,
        String systemtapVersion,
        String privilege,
        Map<String, String> kernelConfig,
        int argCount,
        boolean guruMode) {

    /** The SystemTap release whose language stapvm follows; systemtap_v compares against it. */
    public static final String SYSTEMTAP_VERSION = "4.8";

    public PpContext {
        kernelConfig = Map.copyOf(kernelConfig);
    }

    /** kernel_v: the release up to its first '-' ("6.1.0" for "6.1.0-56-amd64"), as stap's kernel_base_release. */
    public String kernelVersion() {
        int dash = kernelRelease.indexOf('-');
        return dash < 0 ? kernelRelease : kernelRelease.substring(0, dash);
    }

    /** A CONFIG_ option's value as written in .config (quotes kept), or "" when unset. */
    public String config(String name) {
        return kernelConfig.getOrDefault(name, "");
    }

    /** The kernel runtime on this machine's architecture, for kernel {@code release}, with its .config read. */
    public static PpContext forKernel(String release, int argCount) {
        return new PpContext(release, HostKernel.arch(), "kernel", SYSTEMTAP_VERSION, "stapdev",
                KernelConfig.forRelease(release), argCount, false);
    }

    /** {@link #forKernel} for the kernel this machine can build for (see {@link HostKernel#release()}). */
    public static PpContext forHost(int argCount) {
        return forKernel(HostKernel.release(), argCount);
    }

    public PpContext withGuruMode(boolean guru) {
        return new PpContext(kernelRelease, arch, runtime, systemtapVersion, privilege, kernelConfig, argCount, guru);
    }

    public PpContext withRuntime(String name) {
        return new PpContext(kernelRelease, arch, name, systemtapVersion, privilege, kernelConfig, argCount, guruMode);
    }
}
