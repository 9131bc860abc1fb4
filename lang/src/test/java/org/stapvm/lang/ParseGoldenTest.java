package org.stapvm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stapvm.lang.diag.DiagnosticReport;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.print.AstPrinter;

/**
 * Golden files: parse/ok/X.stp prints as X.expected (and the print reads back to the same AST);
 * parse/ko/X.stp fails with exactly the report in X.expected (message, position, caret, totals).
 */
class ParseGoldenTest {

    @TestFactory
    Stream<DynamicTest> okScriptsPrintAsExpected() throws Exception {
        return cases("ok").map(stp -> DynamicTest.dynamicTest(stp.getFileName().toString(), () -> {
            ScriptParser.Result result = parse(stp);
            assertTrue(result.ok(), () -> DiagnosticReport.parse(result.errors(), true));
            String printed = AstPrinter.print(result.script());
            assertEquals(expected(stp), printed);
            ScriptParser.Result again = Corpus.parser(stp).parse(new SourceFile(stp.getFileName().toString(), printed));
            assertTrue(again.ok(), () -> DiagnosticReport.parse(again.errors(), true));
            assertNull(AstEquality.difference(result.script(), again.script()));
        }));
    }

    @TestFactory
    Stream<DynamicTest> koScriptsReportExactly() throws Exception {
        return cases("ko").map(stp -> DynamicTest.dynamicTest(stp.getFileName().toString(), () -> {
            ScriptParser.Result result = parse(stp);
            assertFalse(result.ok(), "expected parse errors");
            assertEquals(expected(stp), DiagnosticReport.parse(result.errors(), false));
        }));
    }

    private static ScriptParser.Result parse(Path stp) throws IOException {
        // Named as the user would type it from that folder, as the golden files were written.
        String text = new String(Files.readAllBytes(stp), StandardCharsets.ISO_8859_1);
        return Corpus.parser(stp).parse(new SourceFile(stp.getFileName().toString(), text));
    }

    private static String expected(Path stp) throws IOException {
        String name = stp.getFileName().toString().replaceFirst("\\.stp$", ".expected");
        return Files.readString(stp.resolveSibling(name), StandardCharsets.ISO_8859_1);
    }

    private static Stream<Path> cases(String kind) throws IOException, URISyntaxException {
        Path dir = Path.of(ParseGoldenTest.class.getResource("/parse/" + kind).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".stp")).sorted().toList().stream();
        }
    }
}
