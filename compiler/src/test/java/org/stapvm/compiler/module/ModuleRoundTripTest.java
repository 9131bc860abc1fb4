package org.stapvm.compiler.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.disasm.Disassembler;

/** Modules assembled by runtime-native's stapvm-as read back and re-written identically. */
class ModuleRoundTripTest {
    static final Path VM = Path.of("../runtime-native/vm");

    @Test
    void corpusRoundTrips() throws Exception {
        assumeTrue(Files.isDirectory(VM.resolve("tests/ok")));
        List<Path> sources;
        try (Stream<Path> s = Files.list(VM.resolve("tests/ok"))) {
            sources = s.filter(p -> p.toString().endsWith(".s")).sorted().toList();
        }
        assertFalse(sources.isEmpty());
        for (Path src : sources) {
            Path out = Files.createTempFile("rt", ".stvm");
            try {
                Process p = new ProcessBuilder("python3", VM.resolve("tools/stapvm-as").toString(), src.toString(),
                        out.toString()).inheritIO().start();
                assertEquals(0, p.waitFor(), "stapvm-as " + src);
                byte[] bytes = Files.readAllBytes(out);
                Module m = ModuleReader.read(bytes);
                byte[] again = ModuleWriter.write(m);
                Module m2 = ModuleReader.read(again);
                assertEquals(Disassembler.text(m), Disassembler.text(m2), src.toString());
                if (again.length == bytes.length) {
                    assertArrayEquals(bytes, again, src.toString());
                }
            } finally {
                Files.delete(out);
            }
        }
    }
}
