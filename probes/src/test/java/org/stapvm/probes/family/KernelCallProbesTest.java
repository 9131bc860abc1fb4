package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.symbols.KernelSymbols;

/** kernel.function(...).call: the entries .function finds, a kprobe each, the descriptor (and pp()) keeping ".call". */
class KernelCallProbesTest {
    private static final ProbeTarget TARGET = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(List.of(
            "ffffffff81000000 T vfs_read", "ffffffff81000010 T vfs_write", "ffffffff81000020 t vfs_read.cold",
            "ffffffffc0a01230 t ext4_sync_fs\t[ext4]"), Set.of()));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.function(\"vfs_read\").call|kernel.function(\"vfs_read\").call",
        "kernel.function(\"vfs_*\").call|kernel.function(\"vfs_read\").call? kernel.function(\"vfs_write\").call?",
        "module(\"ext4\").function(\"ext4_*\").call|kernel.module(\"ext4\").function(\"ext4_sync_fs\").call?",
        "kernel.module(\"ext4\").function(\"ext4_sync_fs\").call|kernel.module(\"ext4\").function(\"ext4_sync_fs\").call"})
    void callSitesAreTheFunctionEntries(String text, String descriptors) {
        List<ProbeSpec> specs = Points.resolve(text, TARGET);
        assertEquals(List.of(descriptors.split(" ")), specs.stream().map(ProbeSpec::descriptor).toList());
        assertEquals(List.of(false), specs.stream().map(s -> "return".equals(s.unit())).distinct().toList());
        assertEquals(Points.descriptors(text.replace(".call", ""), TARGET),
                specs.stream().map(s -> s.descriptor().replace(".call", "")).toList());
    }

    /**
     * .call ends the point: stap 4.8 -p2 says "invalid suffix for probe" at what follows. The other
     * rows are KernelFunctionProbes' messages, unchanged (stap says "invalid suffix" there too).
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kernel.function(\"vfs_read\").call.return|invalid suffix for probe",
        "kernel.function(\"vfs_read\").return.call|probe point mismatch (similar: return, call)",
        "kprobe.function(\"vfs_read\").call|probe point mismatch (similar: call, return)",
        "kernel.function(\"vfs_nope\").call|no match",
        "kernel.function(\"vfs_nope*\").call|no match"})
    void stapsMessages(String text, String message) {
        assertEquals(message, Points.failure(text, TARGET));
    }

    @org.junit.jupiter.api.Test
    void recordIsTheEntryKprobe() {
        assertEquals(List.of(ProbeRecord.kernelFunction("kernel.function(\"vfs_read\").call", null, "vfs_read", false, true),
                ProbeRecord.kernelFunction("kernel.function(\"vfs_write\").call", null, "vfs_write", false, true)),
                Points.resolve("kernel.function(\"vfs_*\").call", TARGET).stream().map(ProbeSpec::record).toList());
    }
}
