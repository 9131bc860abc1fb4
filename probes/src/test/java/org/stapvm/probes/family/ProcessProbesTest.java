package org.stapvm.probes.family;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.Points;
import org.stapvm.probes.ProbeKind;
import org.stapvm.probes.ProbeRecord;
import org.stapvm.probes.ProbeTarget;

/** process(...) points against this host's own binaries (libc, ls, sh): descriptors and stap's messages. */
class ProcessProbesTest {
    private static final String LIBC = "/lib/x86_64-linux-gnu/libc.so.6";

    private static List<String> descriptors(String text) {
        return Points.descriptors(text, ProbeTarget.running());
    }

    private static String failure(String text) {
        return Points.failure(text, ProbeTarget.running());
    }

    private static String real(String path) throws Exception {
        return Path.of(path).toRealPath().toString();
    }

    @Test
    void pathIsCanonicalAndFunctionsExpandSorted() throws Exception {
        String libc = real(LIBC);
        assertEquals(List.of("process(\"" + libc + "\").function(\"malloc\")"),
                descriptors("process(\"" + LIBC + "\").function(\"malloc\")"));
        List<String> all = descriptors("process(\"" + LIBC + "\").function(\"mallo*\").return");
        assertTrue(all.size() >= 3 && all.get(0).equals("process(\"" + libc + "\").function(\"malloc\").return"), all::toString);
        assertEquals(all.stream().sorted().toList(), all);
    }

    @Test
    void bareNameIsFoundOnPath() throws Exception {
        assertEquals(List.of("process(\"" + real("/bin/sh") + "\").begin"), descriptors("process(\"sh\").begin"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "process.begin|process.begin", "process.end|process.end", "process.thread.begin|process.thread.begin",
        "process.syscall|process.syscall", "process.syscall.return|process.syscall.return"})
    void pathlessEvents(String text, String descriptor) {
        assertEquals(List.of(descriptor), descriptors(text));
    }

    @Test
    void statementAddressIsHex() throws Exception {
        assertEquals(List.of("process(\"" + real("/bin/sh") + "\").statement(0x1139).absolute"),
                descriptors("process(\"/bin/sh\").statement(4409).absolute"));
    }

    @Test
    void stapsMessages() {
        assertEquals("cannot find executable 'nosuchprog_xyz'", failure("process(\"nosuchprog_xyz\").function(\"main\")"));
        // ls imports malloc (undefined in .dynsym): no match, but stap still suggests it
        String m = failure("process(\"/bin/ls\").function(\"malloc\")");
        assertTrue(m.startsWith("no match (similar functions: malloc"), m);
        assertEquals("invalid suffix for probe", failure("process(\"/bin/ls\").function(\"malloc\").call.return"));
        assertEquals("probe point mismatch (similar: end, begin)", failure("process(\"/bin/ls\").thread.foo"));
        assertTrue(Files.exists(Path.of(LIBC)));
    }

    @Test
    void recordsCarryPathSymbolAndAddress() throws Exception {
        String sh = real("/bin/sh");
        assertEquals(ProbeRecord.processStatement("process(\"" + sh + "\").statement(0x1139).absolute", sh, 0x1139, false),
                Points.resolve("process(\"/bin/sh\").statement(4409)", ProbeTarget.running()).get(0).record());
        String libc = real(LIBC);
        assertEquals(ProbeRecord.processFunction("process(\"" + libc + "\").function(\"malloc\").return", libc, "malloc", true),
                Points.resolve("process(\"" + LIBC + "\").function(\"malloc\").return", ProbeTarget.running()).get(0).record());
        assertEquals(ProbeRecord.processEvent(ProbeKind.THREAD_END, "process.thread.end", null),
                Points.resolve("process.thread.end", ProbeTarget.running()).get(0).record());
    }
}
