package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.symbols.KernelSymbols;

class KernelFunctionProbesTest {

    /** No symbols: kprobe.* and exact names go to the kernel unchecked. */
    private static final ProbeTarget NO_SYMBOLS = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(List.of(), Set.of()));

    /** kprobe.* names are never checked at compile time, so these hold on any machine. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kprobe.function(\"vfs_read\")|kprobe.function(\"vfs_read\")",
        "kprobe.function(\"vfs_read\").return|kprobe.function(\"vfs_read\").return",
        "kprobe.module(\"ext4\").function(\"ext4_sync_fs\")|kprobe.module(\"ext4\").function(\"ext4_sync_fs\")",
        "kprobe.statement(0xffffffff81000000).absolute|kprobe.statement(0xffffffff81000000).absolute"})
    void descriptorsAreWhatTheKernelParses(String text, String descriptor) {
        List<ProbeSpec> specs = Points.resolve(text, NO_SYMBOLS);
        assertEquals(List.of(ProbeSpec.Kind.KERNEL), specs.stream().map(ProbeSpec::kind).toList());
        assertEquals(List.of(descriptor), specs.stream().map(ProbeSpec::descriptor).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kprobe.function(\"f\").return.call|probe point mismatch (similar: return, call)",
        "kprobe.function(\"f\").call|probe point mismatch (similar: call, return)",
        "kernel.funktion(\"f\")|probe point mismatch (similar: function, statement, module)"})
    void badSuffixesAreMismatches(String text, String message) {
        assertEquals(message, Points.failure(text, NO_SYMBOLS));
    }

    @Test
    void wildcardsMatchKallsymsLinesOfTheirModule() {
        KernelSymbols syms = KernelSymbols.parse(List.of("ffffffffc0a01230 t ext4_sync_fs\t[ext4]",
                "ffffffff81000000 T vfs_read", "ffffffff81000010 t vfs_read.cold", "ffffffff82000000 D vfs_data",
                "ffffffff81000020 W vfs_write", "ffffffff81000030 T vfs_blocked"), Set.of("vfs_blocked"));
        ProbeTarget target = ProbeTarget.withKernelSymbols("", syms);
        assertEquals(List.of("kernel.function(\"vfs_read\")?", "kernel.function(\"vfs_write\")?"),
                Points.descriptors("kernel.function(\"vfs_*\")", target));
        assertEquals(List.of("kernel.module(\"ext4\").function(\"ext4_sync_fs\").return?"),
                Points.descriptors("kernel.module(\"ext4\").function(\"*\").return", target));
        assertEquals(List.of("kernel.module(\"ext4\").function(\"ext4_sync_fs\")"),
                Points.descriptors("module(\"ext4\").function(\"ext4_sync_fs\")", target));
        assertEquals("no match", Points.failure("kernel.function(\"ext4_sync_fs\")", target));
        assertEquals("no match", Points.failure("kernel.function(\"vfs_data\")", target));
    }

    @Test
    void recordsCarrySymbolModuleAndFlags() {
        assertEquals(ProbeRecord.kernelFunction("kprobe.module(\"ext4\").function(\"ext4_sync_fs\").return", "ext4",
                "ext4_sync_fs", true, false),
                Points.resolve("kprobe.module(\"ext4\").function(\"ext4_sync_fs\").return", NO_SYMBOLS).get(0).record());
        assertEquals(ProbeRecord.kernelStatement("kprobe.statement(0x10).absolute", 16),
                Points.resolve("kprobe.statement(16).absolute", NO_SYMBOLS).get(0).record());
    }
}
