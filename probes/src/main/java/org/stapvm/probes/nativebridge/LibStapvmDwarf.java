package org.stapvm.probes.nativebridge;

/** The C function of libstapvm-dwarf.so (runtime-native/dwarf/stapvm_dwarf.h) that the compiler calls. */
public interface LibStapvmDwarf {
    long svm_dwarf_function(String path, String func, int mode, long pc, byte[] out, long cap);

    long svm_dwarf_lines(String path, String func, byte[] out, long cap);

    long svm_dwarf_functions(String path, byte[] out, long cap);

    long svm_dwarf_inlines(String path, byte[] out, long cap);

    long svm_dwarf_unwind(String path, byte[] out, long cap);
}
