package org.stapvm.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each listed origin is the name token of that function's declaration in stap's installed tapsets. */
class StapTapsetOriginsTest {
    @Test
    void originsNameTheDeclarationsInStapsTapsets() throws Exception {
        assumeTrue(Files.isDirectory(Path.of(StapTapsetOrigins.DIR)), "SystemTap's tapsets are not installed");
        for (Map.Entry<String, String> e : StapTapsetOrigins.all().entrySet()) {
            String[] at = e.getValue().split(":");
            List<String> lines = Files.readAllLines(Path.of(StapTapsetOrigins.DIR, at[0]));
            String line = lines.get(Integer.parseInt(at[1]) - 1);
            int col = Integer.parseInt(at[2]) - 1;
            assertEquals("function " + e.getKey(), line.substring(0, col + e.getKey().length()), e.toString());
        }
    }
}
