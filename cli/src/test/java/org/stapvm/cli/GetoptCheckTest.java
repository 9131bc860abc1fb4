package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

class GetoptCheckTest {
    private static final CommandSpec SPEC = new CommandLine(new Options()).getCommandSpec();
    private static final String MINUS_5 = "stap: invalid option -- '5'\n"
            + "Try '--help' for more information. [man stap]\n"
            + "A message like [man foo] means for more info, run % man foo\n";

    @Test
    void aNegativeNumberAfterTheScriptIsAnOption() {
        assertEquals(MINUS_5, GetoptCheck.refused(SPEC, new String[] {"s.stp", "-5"}));
        assertEquals(MINUS_5, GetoptCheck.refused(SPEC, new String[] {"-v5", "s.stp"}));
    }

    @Test
    void optionValuesAndWordsAfterDoubleDashAreNotOptions() {
        assertNull(GetoptCheck.refused(SPEC, new String[] {"s.stp", "--", "-5"}));
        assertNull(GetoptCheck.refused(SPEC, new String[] {"-D", "-5", "s.stp"}));
        assertNull(GetoptCheck.refused(SPEC, new String[] {"-p4", "-e", "-5", "5"}));
        assertNull(GetoptCheck.refused(SPEC, new String[] {"-vv", "s.stp", "-", "5"}));
    }
}
