package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;

/**
 * 400 random compound conditions (conditions.stp, "aN = %( COND %? 1 %: 2 %)") and the branch
 * stap 4.8 chose for each (conditions.expected, from {@code stap -r 6.1.0-56-amd64 -p1
 * conditions.stp x y} on a machine whose kernel config holds the values below).
 */
class ConditionConformanceTest {
    private static final PpContext MACHINE = new PpContext("6.1.0-56-amd64", "x86_64", "kernel", "4.8", "stapdev",
            Map.of("CONFIG_LOCALVERSION", "\"\"", "CONFIG_DEFAULT_HOSTNAME", "\"(none)\"",
                    "CONFIG_LOG_BUF_SHIFT", "17", "CONFIG_SMP", "y", "CONFIG_NR_CPUS", "8192", "CONFIG_HZ_250", "y",
                    "CONFIG_HZ", "250", "CONFIG_PHYSICAL_START", "0x1000000", "CONFIG_PHYSICAL_ALIGN", "0x200000",
                    "CONFIG_EXT4_FS", "m"),
            2, false);

    private static String resource(String name) throws IOException {
        try (InputStream in = ConditionConformanceTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void branchesMatchStap() throws IOException {
        Pp pp = Pp.run(resource("conditions.stp"), MacroTable.empty(), MACHINE);
        assertEquals(List.of(), pp.errors());
        List<String> chosen = new ArrayList<>();
        List<Token> out = pp.tokens;
        for (int i = 0; i + 2 < out.size(); i++) {
            if (out.get(i).getText().matches("a[0-9]+") && out.get(i + 1).getText().equals("=")) {
                chosen.add(out.get(i).getText() + "=" + out.get(i + 2).getText());
            }
        }
        assertEquals(resource("conditions.expected").lines().toList(), chosen);
    }
}
