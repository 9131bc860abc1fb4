package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.ProbeTarget;
import org.stapvm.probes.symbols.SdtNotes;

/** process("P").mark(...) against Debian 12's /usr/bin/python3.11 and its eight python markers (readelf -n). */
class ProcessMarksTest {
    private static final String PY = "/usr/bin/python3.11";
    private static final String P = "process(\"" + PY + "\")";

    @BeforeEach
    void python() {
        assumeTrue(Files.isExecutable(Path.of(PY)), "Debian 12's python3.11");
    }

    @Test
    void notesAreReadWithTheirSemaphoresAndArguments() throws Exception {
        List<SdtNotes.Mark> marks = SdtNotes.read(Path.of(PY));
        assertEquals(8, marks.size());
        SdtNotes.Mark gc = marks.stream().filter(m -> m.name().equals("gc__start")).findFirst().orElseThrow();
        assertEquals("python", gc.provider());
        assertEquals(List.of("-4@112(%rsp)"), gc.argSpecs());
        assertEquals(List.of("8@%r14", "8@%rax", "-4@%ebp"),
                marks.stream().filter(m -> m.name().equals("line")).findFirst().orElseThrow().argSpecs());
    }

    @Test
    void recordsCarryTheSiteAndSemaphoreAndPpDoesNot() throws Exception {
        SdtNotes.Mark gc = SdtNotes.read(Path.of(PY)).stream().filter(m -> m.name().equals("gc__start")).findFirst().orElseThrow();
        List<ProbeSpec> s = Points.resolve(P + ".mark(\"gc__start\")", ProbeTarget.running());
        assertEquals(1, s.size());
        assertEquals(P + ".mark(\"gc__start\")", s.get(0).record().pp());
        assertEquals(ProbeKind.PROCESS_MARK, s.get(0).record().kind());
        assertEquals(gc.pc(), s.get(0).record().address());
        assertEquals(gc.semaphore(), s.get(0).record().semaphore());
    }

    @Test
    void providerAndNamePatterns() {
        List<String> pps = Points.resolve(P + ".provider(\"py*\").mark(\"gc-*\")", ProbeTarget.running()).stream()
                .map(x -> x.record().pp()).sorted().toList();
        assertEquals(List.of(P + ".provider(\"python\").mark(\"gc__done\")", P + ".provider(\"python\").mark(\"gc__start\")"), pps);
        assertEquals(8, Points.resolve(P + ".mark(\"*\")", ProbeTarget.running()).size());
    }

    @Test
    void failuresAreStaps() {
        assertEquals("no match", Points.failure(P + ".provider(\"nope\").mark(\"gc*\")", ProbeTarget.running()));
        assertEquals("probe point truncated (follow:  mark(string))", Points.failure(P + ".provider(\"python\")", ProbeTarget.running()));
        assertEquals("invalid suffix for probe", Points.failure(P + ".mark(\"line\").return", ProbeTarget.running()));
        assertEquals("no match (similar marks: line, ", Points.failure(P + ".mark(\"nope\")", ProbeTarget.running()).substring(0, 31));
    }
}
