package org.stapvm.probes.family;

/**
 * kernel.function("PATTERN").call and module("M").function("PATTERN").call (also as
 * kernel.module("M")): stap's call sites, the function entries that are not inlined copies. Without
 * DWARF there are no inlined copies to leave out: every function entry the kernel's symbol table
 * lists, and kprobes accepts, is a call site, so these match what .function does and each match is
 * a kprobe on the entry; pp() keeps the ".call". kprobe.function has no .call, as in stap.
 */
public final class KernelCallProbes extends KernelSuffixProbes {
    public KernelCallProbes() {
        super("call");
    }
}
