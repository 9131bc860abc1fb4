package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** tapsets/README.md's table of the documented functions is what tools/function_table.py generates. */
class FunctionTableTest {
    @Test
    void tableMatchesTheManPagesAndTheLibrary() throws Exception {
        assumeTrue(Files.isRegularFile(Path.of("/usr/share/man/man3/function::strlen.3stap.gz")), "systemtap-doc is not installed");
        Path root = Path.of(System.getProperty("stapvm.root", "..")).toAbsolutePath().normalize();
        Process p = new ProcessBuilder("python3", root.resolve("tapsets/tools/function_table.py").toString(), "--check")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
    }
}
