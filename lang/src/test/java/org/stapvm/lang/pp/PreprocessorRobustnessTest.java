package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.lang.diag.Diagnostic;

/** The preprocessor's contract beyond single cases: output the parser can consume, and no throw or hang on junk. */
class PreprocessorRobustnessTest {
    @Test
    void outputFeedsAnAntlrTokenStream() {
        Pp pp = Pp.run("@define two %( 2 %)\nprobe begin { x = %( arch == \"x86_64\" %? @two %: 3 %) }");
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(pp.tokens, "t.stp"));
        stream.fill();
        List<Token> all = stream.getTokens();
        assertEquals("probe begin { x = 2 } EOF",
                String.join(" ", all.stream().map(Token::getText).toList()));
        assertEquals(Token.EOF, all.get(all.size() - 1).getType());
    }

    @Test
    void diagnosticRendersWithSourceLineAndCaret() {
        Diagnostic d = Pp.run("probe begin {\n  x = %( guru_mode == \"1\" %? 1 %: 2 %)\n}").diagnostics.get(0);
        assertEquals("parse error: expected number\n"
                + "         at: string '1' at t.stp:2:23\n"
                + "     source:   x = %( guru_mode == \"1\" %? 1 %: 2 %)\n"
                + "                                   ^\n", d.render());
    }

    @Test
    void errorInLibraryMacroPointsIntoTheLibraryFile(@TempDir Path dir) throws IOException {
        Path stpm = dir.resolve("lib.stpm");
        Files.writeString(stpm, "# library\n@define bad %( %( kernel_v == 6 %? 1 %) %)\n");
        MacroTable library = MacroTable.load(List.of(stpm), Pp.CONTEXT, d -> { throw new AssertionError(d.render()); });
        Diagnostic d = Pp.run("x = @bad", library, Pp.CONTEXT).diagnostics.get(0);
        assertEquals("expected string literal", d.message());
        assertEquals(stpm + ":2:31", d.pos().toString());
        assertEquals("@define bad %( %( kernel_v == 6 %? 1 %) %)", d.sourceLine());
    }

    @Test
    void randomTokenSoupNeverThrowsOrHangs() {
        String[] vocabulary = {"%(", "%?", "%:", "%)", "@define", "@m", "@n", "@a", "m", "n", "a", "(", ")", ",",
            "[", "]", "{", "}", "==", "!=", "<", "&&", "||", "1", "0", "\"x\"", "arch", "kernel_v", "CONFIG_SMP",
            "guru_mode", "$#", "@#", "probe", "@cast", "\"6.*\""};
        Random random = new Random(42);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 3000; i++) {
                StringBuilder script = new StringBuilder();
                int length = random.nextInt(40);
                for (int j = 0; j < length; j++) {
                    script.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
                }
                Pp.run(script.toString());
            }
        });
    }
}
