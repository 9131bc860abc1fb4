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

/** kernel.function(...).exported: the global functions among .function's matches, a kprobe each, pp() keeping ".exported". */
class KernelExportedProbesTest {
    private static final ProbeTarget TARGET = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(List.of(
            "ffffffff81000000 T vfs_read", "ffffffff81000010 t vfs_helper", "ffffffff81000020 W vfs_weak",
            "ffffffff81000030 T vfs_read.cold", "ffffffffc0a01230 T ext4_sync_fs\t[ext4]",
            "ffffffffc0a01240 t ext4_local\t[ext4]"), Set.of()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.function(\"vfs_read\").exported|kernel.function(\"vfs_read\").exported",
        "kernel.function(\"vfs_*\").exported|kernel.function(\"vfs_read\").exported? kernel.function(\"vfs_weak\").exported?",
        "module(\"ext4\").function(\"ext4_*\").exported|kernel.module(\"ext4\").function(\"ext4_sync_fs\").exported?",
        "kernel.module(\"ext4\").function(\"ext4_sync_fs\").exported|kernel.module(\"ext4\").function(\"ext4_sync_fs\").exported"})
    void onlyGlobalFunctions(String text, String descriptors) {
        List<ProbeSpec> specs = Points.resolve(text, TARGET);
        assertEquals(List.of(descriptors.split(" ")), specs.stream().map(ProbeSpec::descriptor).toList());
        assertEquals(List.of(false), specs.stream().map(s -> "return".equals(s.unit())).distinct().toList());
    }

    /** stap 4.8 -p2 -r 6.1.0-57-amd64: "invalid suffix for probe" at what follows .exported; a static function is no match. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.function(\"vfs_read\").exported.return|invalid suffix for probe",
        "kernel.function(\"vfs_read\").exported.call|invalid suffix for probe",
        "kernel.function(\"vfs_helper\").exported|no match",
        "kernel.function(\"vfs_help*\").exported|no match",
        "module(\"ext4\").function(\"ext4_local\").exported|no match"})
    void stapsMessages(String text, String message) {
        assertEquals(message, Points.failure(text, TARGET));
    }

    @Test
    void recordIsTheEntryKprobe() {
        assertEquals(List.of(ProbeRecord.kernelFunction("kernel.function(\"vfs_read\").exported", null, "vfs_read", false, true),
                ProbeRecord.kernelFunction("kernel.function(\"vfs_weak\").exported", null, "vfs_weak", false, true)),
                Points.resolve("kernel.function(\"vfs_*\").exported", TARGET).stream().map(ProbeSpec::record).toList());
    }
}
