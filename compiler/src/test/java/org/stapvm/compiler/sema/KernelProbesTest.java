package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

class KernelProbesTest {

    private static ProbePoint point(String text) {
        Declaration.Probe p = (Declaration.Probe) new ScriptParser(TokenPass.NONE)
                .parse(new SourceFile("t.stp", "probe " + text + " {}")).script().declarations().get(0);
        return p.points().get(0);
    }

    /** kprobe.* names are never checked at compile time, so these hold on any machine. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kprobe.function(\"vfs_read\")|kprobe.function(\"vfs_read\")",
        "kprobe.function(\"vfs_read\").return|kprobe.function(\"vfs_read\").return",
        "kprobe.module(\"ext4\").function(\"ext4_sync_fs\")|kprobe.module(\"ext4\").function(\"ext4_sync_fs\")",
        "kprobe.statement(0xffffffff81000000).absolute|kprobe.statement(0xffffffff81000000).absolute"})
    void descriptorsAreWhatTheKernelParses(String text, String descriptor) {
        List<ProbeSpec> specs = KernelProbes.resolve(point(text), f -> {});
        assertEquals(List.of(ProbeSpec.Kind.KERNEL), specs.stream().map(ProbeSpec::kind).toList());
        assertEquals(List.of(descriptor), specs.stream().map(ProbeSpec::pp).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "kprobe.function(\"f\").return.call|probe point mismatch (similar: return, call)",
        "kprobe.function(\"f\").call|probe point mismatch (similar: call, return)",
        "kernel.funktion(\"f\")|probe point mismatch (similar: function, statement, module)"})
    void badSuffixesAreMismatches(String text, String message) {
        List<ProbePoints.Failure> fs = new ArrayList<>();
        assertNull(KernelProbes.resolve(point(text), fs::add));
        assertEquals(message, fs.get(0).message());
    }

    @Test
    void wildcardsMatchKallsymsLinesOfTheirModule() {
        assertEquals(new KernelSymbols.Symbol("ext4_sync_fs", "ext4"),
                KernelSymbols.parse("ffffffffc0a01230 t ext4_sync_fs\t[ext4]"));
        assertNull(KernelSymbols.parse("ffffffff82000000 D jiffies"));
        assertEquals("vfs_.*", KernelSymbols.globToRegex("vfs_*").replace("\\Q", "").replace("\\E", ""));
    }
}
