package org.stapvm.lang.pp;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * What preprocessor conditions compare against: the target kernel, architecture, runtime,
 * SystemTap version and privilege, the kernel's CONFIG_ options, guru mode and the script
 * arguments ({@code $1}, {@code @1}; their count is {@code $#}, {@code @#}).
 */
public record PpContext(
        String kernelRelease,
        String arch,
        String runtime,
        String systemtapVersion,
        String privilege,
        Map<String, String> kernelConfig,
        boolean guruMode,
        List<String> args) {

    /** The SystemTap release whose language stapvm follows; systemtap_v compares against it. */
    public static final String SYSTEMTAP_VERSION = "4.8";

    public PpContext {
        kernelConfig = Map.copyOf(kernelConfig);
        args = List.copyOf(args);
    }

    /** Only the argument count known: every argument reads as "". */
    public PpContext(String kernelRelease, String arch, String runtime, String systemtapVersion, String privilege,
                     Map<String, String> kernelConfig, int argCount, boolean guruMode) {
        this(kernelRelease, arch, runtime, systemtapVersion, privilege, kernelConfig, guruMode,
                Collections.nCopies(argCount, ""));
    }

    /** The number of script arguments ($#). */
    public int argCount() {
        return args.size();
    }

    /** forKernel with the script's arguments, which conditions may compare ($1 > 2). */
    public static PpContext forKernel(String release, List<String> args) {
        return new PpContext(release, HostKernel.arch(), "kernel", SYSTEMTAP_VERSION, "stapdev",
                KernelConfig.forRelease(release), false, args);
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
        return forKernel(release, Collections.nCopies(argCount, ""));
    }

    /** {@link #forKernel} for the kernel this machine can build for (see {@link HostKernel#release()}). */
    public static PpContext forHost(int argCount) {
        return forKernel(HostKernel.release(), argCount);
    }

    public PpContext withGuruMode(boolean guru) {
        return new PpContext(kernelRelease, arch, runtime, systemtapVersion, privilege, kernelConfig, guru, args);
    }

    /** systemtap_privilege's value: stapdev, stapsys or stapusr (--privilege). */
    public PpContext withPrivilege(String level) {
        return new PpContext(kernelRelease, arch, runtime, systemtapVersion, level, kernelConfig, guruMode, args);
    }

    public PpContext withRuntime(String name) {
        return new PpContext(kernelRelease, arch, name, systemtapVersion, privilege, kernelConfig, guruMode, args);
    }
}
