package org.stapvm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.print.AstPrinter;

/**
 * Every script and tapset of Debian's systemtap and systemtap-doc parses (embedded C accepted,
 * as `stap -g -p1` does), and printing it then parsing the print gives the same AST.
 */
class CorpusParseTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusFileParsesAndRoundTrips() throws IOException {
        List<Path> files = Corpus.files();
        assertTrue(files.size() > 700, "systemtap corpus not installed: found " + files.size() + " files");
        return files.stream().map(f -> DynamicTest.dynamicTest(Corpus.ROOT.relativize(f).toString(), () -> roundTrip(f)));
    }

    private static void roundTrip(Path path) throws IOException {
        SourceFile file = SourceFile.read(path);
        ScriptParser.Result first = Corpus.parser(path).parse(file);
        assertEquals("", render(first.errors()), "parse errors in " + path);
        String printed = AstPrinter.print(first.script());
        ScriptParser.Result second = Corpus.parser(path).parse(new SourceFile(file.name(), printed));
        assertEquals("", render(second.errors()), "printed form of " + path + " does not parse:\n" + printed);
        assertNull(AstEquality.difference(first.script(), second.script()), "round trip changed the AST of " + path);
    }

    static String render(List<Diagnostic> errors) {
        return errors.stream().map(Diagnostic::render).collect(Collectors.joining());
    }
}
