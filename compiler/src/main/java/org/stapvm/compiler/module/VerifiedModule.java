package org.stapvm.compiler.module;

import java.util.Optional;

import org.stapvm.probes.nativebridge.NativeRuntime;

/**
 * Module bytes the C verifier accepted: the only form in which a module leaves the compiler, so a
 * lowering bug shows up here as a rejection rather than in a runtime.
 */
public record VerifiedModule(byte[] bytes) {

    /** The verifier refused what the compiler wrote: always a compiler bug. */
    public static final class Rejected extends Exception {
        Rejected(String reason) {
            super(reason);
        }
    }

    public static VerifiedModule of(Module module) throws Rejected {
        return of(module, java.util.List.of());
    }

    /** As {@link #of(Module)}, the module carrying the unwind rows of {@code unwind} (user stacks by CFI). */
    public static VerifiedModule of(Module module, java.util.List<org.stapvm.probes.dwarf.UnwindRows> unwind) throws Rejected {
        return of(module, unwind, java.util.List.of());
    }

    /** As {@link #of(Module, java.util.List)}, with the java section's lines ({@link JavaSection}; none: no section). */
    public static VerifiedModule of(Module module, java.util.List<org.stapvm.probes.dwarf.UnwindRows> unwind,
                                    java.util.List<String> java) throws Rejected {
        byte[] bytes = JavaSection.append(UnwindSection.append(ModuleWriter.write(module), unwind), java);
        Optional<String> reason = NativeRuntime.get().verify(bytes);
        if (reason.isPresent()) {
            throw new Rejected(reason.get());
        }
        return new VerifiedModule(bytes);
    }
}
