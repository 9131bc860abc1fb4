package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.symbols.KernelSymbols;

/** procfs("__stdin").write, the point of input.char/input.line: one INPUT record; the other shapes fail with stap's words. */
class ProcfsProbesTest {
    private static final ProbeTarget TARGET = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(List.of(), Set.of()));

    @Test
    void stdinWriteIsOneInputRecord() {
        assertEquals(List.of(ProbeRecord.of(ProbeKind.INPUT, "procfs(\"__stdin\").write")),
                Points.resolve("procfs(\"__stdin\").write", TARGET).stream().map(ProbeSpec::record).toList());
    }

    /** The first three as stap 4.8 -p2 words them; the last two are what stapvm has not yet. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "procfs(\"__stdin\").foo|probe point mismatch (similar: read, umask, write)",
        "procfs(\"__stdin\").write.x|invalid suffix for probe",
        "procfs(\"__stdin\")|probe point truncated (follow:  read umask(number) write)",
        "procfs(\"__stdin\").read|procfs(\"NAME\").read probes are not available yet: stapvm.ko creates no /proc files",
        "procfs.write|procfs probes are not available yet except procfs(\"__stdin\").write (input.char, input.line): stapvm.ko creates no /proc files"})
    void otherShapesFail(String text, String message) {
        assertEquals(message, Points.failure(text, TARGET));
    }
}
