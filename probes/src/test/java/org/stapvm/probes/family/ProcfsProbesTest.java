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

/** procfs points: one PROCFS_READ/WRITE record each (stap's modes, umask, maxsize); __stdin's write is INPUT; bad shapes fail with stap's words. */
class ProcfsProbesTest {
    private static final ProbeTarget TARGET = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(List.of(), Set.of()));

    @Test
    void stdinWriteIsOneInputRecord() {
        assertEquals(List.of(ProbeRecord.of(ProbeKind.INPUT, "procfs(\"__stdin\").write")),
                Points.resolve("procfs(\"__stdin\").write", TARGET).stream().map(ProbeSpec::record).toList());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "procfs(\"x\").read|PROCFS_READ|procfs(\"x\").read|x|256|0",
        "procfs.read|PROCFS_READ|procfs.read|command|256|0",
        "procfs.umask(0040).read|PROCFS_READ|procfs.umask(32).read|command|260|0",
        "procfs(\"a/b\").read.maxsize(0x10000)|PROCFS_READ|procfs(\"a/b\").read.maxsize(65536)|a/b|256|65536",
        "procfs.umask(0).read.maxsize(9)|PROCFS_READ|procfs.umask(0).read.maxsize(9)|command|292|9",
        "procfs(\"x\").write|PROCFS_WRITE|procfs(\"x\").write|x|128|0",
        "procfs.umask(0002).write|PROCFS_WRITE|procfs.umask(2).write|command|144|0",
        "procfs(\"__stdin\").umask(0).write|PROCFS_WRITE|procfs(\"__stdin\").umask(0).write|__stdin|146|0"})
    void fileRecords(String text, ProbeKind kind, String pp, String path, long mode, long maxsize) {
        assertEquals(List.of(new ProbeRecord(kind, Set.of(), pp, path, "stap_module", null, mode, maxsize, 0, 0)),
                Points.resolve(text, TARGET).stream().map(ProbeSpec::record).toList());
    }

    /** As stap 4.8 -p2 words them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "procfs(\"__stdin\").foo|probe point mismatch (similar: read, umask, write)",
        "procfs(\"__stdin\").write.x|invalid suffix for probe",
        "procfs(\"__stdin\")|probe point truncated (follow:  read umask(number) write)",
        "procfs(\"x\").write.maxsize(100)|invalid suffix for probe",
        "procfs(\"x\").read.maxsize(0)|maxsize must be greater than 0",
        "procfs(\"/a/b\").read|procfs path cannot start with a '/'",
        "procfs.umask(2)|probe point truncated (follow:  read umask(number) write)"})
    void otherShapesFail(String text, String message) {
        assertEquals(message, Points.failure(text, TARGET));
    }
}
