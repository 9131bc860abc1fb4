package org.stapvm.probes.family;

/**
 * kernel.function("PATTERN").exported and module("M").function("PATTERN").exported (also as
 * kernel.module("M")): stap's exported functions, those DWARF marks external (not static, whether
 * or not EXPORT_SYMBOL'd). The symbol source says the same (KernelSymbols: an uppercase kallsyms
 * type, global linkage in BTF, or the debug vmlinux's symbol table). Each match is a kprobe on the
 * entry; pp() keeps the ".exported". As in stap nothing may follow it, and kprobe.function has no
 * .exported.
 */
public final class KernelExportedProbes extends KernelSuffixProbes {
    public KernelExportedProbes() {
        super("exported");
    }
}
