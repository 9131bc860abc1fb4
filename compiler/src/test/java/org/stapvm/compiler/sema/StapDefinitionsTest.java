package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.bytecode.Opcode;

/** Each definition is the name token of a function in stap's installed tapsets; each names a helper stapusr may not call. */
class StapDefinitionsTest {
    @Test
    void definitionsNameFunctionsInStapsTapsets() {
        assumeTrue(Files.isDirectory(Path.of(StapDefinitions.DIR)), "SystemTap's tapsets are not installed");
        for (String name : StapDefinitions.all().keySet()) {
            StapDefinitions.Definition d = StapDefinitions.of(name);
            String line = d.sourceLine();
            assertEquals("function " + d.name(), line.substring(0, d.column() - 1 + d.name().length()), name);
        }
    }

    @Test
    void everyListedNativeIsRefusedByHelpersDef() {
        for (String name : StapDefinitions.all().keySet()) {
            Opcode.Helper h = Opcode.Helper.valueOf(name.toUpperCase(java.util.Locale.ROOT));
            assertNotEquals(Opcode.Helper.Privilege.USR, h.privilege, name);
        }
    }
}
