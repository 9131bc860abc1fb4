package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.DiagnosticReport;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.print.AstPrinter;

/** $N, @N, $# and @# pasted in as stap's lexer pastes them (outputs checked against stap 4.8 -p1). */
class ArgumentSubstitutionTest {
    private static ScriptParser.Result parse(String text, String... args) {
        ScriptParser parser = new ScriptParser((file, tokens, problems) -> ArgumentSubstitution.apply(file, tokens, List.of(args)));
        return parser.parse(new SourceFile("t.stp", text));
    }

    private static String tree(String text, String... args) {
        ScriptParser.Result r = parse(text, args);
        assertEquals(List.of(), r.errors());
        return AstPrinter.print(r.script());
    }

    private static String errors(String text, String... args) {
        return DiagnosticReport.parse(parse(text, args).errors(), false, false);
    }

    @Test
    void aNumberArgumentIsItsTokens() {
        assertEquals(tree("probe begin { println((5 + 5) * 2) }"), tree("probe begin { println($1 * 2) }", "(5+5)"));
        assertEquals(tree("probe begin { println(5 + 5 * 2) }"), tree("probe begin { println($1 * 2) }", "5+5"));
    }

    @Test
    void aWordIsAnIdentifierAndJoinsWhatFollows() {
        assertEquals(tree("probe begin { println(ax) }"), tree("probe begin { println($1x) }", "a"));
    }

    @Test
    void atArgumentsAndCountsAreLiterals() {
        assertEquals(tree("probe begin { println(\"a\\\"b\\\\c\" . \"2\" . 2) }"),
                tree("probe begin { println(@1 . @# . $#) }", "a\"b\\c", "x"));
        assertEquals(tree("probe begin { println(\"hello world\") }"), tree("probe begin { println(\"hello \" @1) }", "world"));
    }

    @Test
    void pastedTokensStandWhereTheArgumentWas() {
        assertEquals("parse error: expected one of ', )'\n"
                + "        saw: number '4' at t.stp:1:25\n"
                + "     source: probe begin { println($1$2); }\n"
                + "                                     ^\n\n"
                + "1 parse error.\n", errors("probe begin { println($1$2); }", "3", "4"));
    }

    @Test
    void anIndexOutOfRangeIsJunk() {
        assertEquals("parse error: command line argument out of range [1-1]\n"
                + "         at: junk '' at t.stp:1:23\n"
                + "     source: probe begin { println($0) }\n"
                + "                                   ^\n\n"
                + "1 parse error.\n", errors("probe begin { println($0) }", "a"));
    }

    @Test
    void anArgumentNamingAnotherIsJunk() {
        assertEquals("parse error: invalid nested substitution of command line arguments\n"
                + "         at: junk '' at t.stp:2:9\n"
                + "     source: println($1) }\n"
                + "                     ^\n\n"
                + "1 parse error.\n", errors("probe begin {\nprintln($1) }", "$1"));
    }

    @Test
    void stringsAndCommentsKeepTheirDollars() {
        assertEquals(tree("probe begin { println(\"$1\") }"), tree("probe begin { println(\"$1\") /* $1 */ }", "7"));
    }
}
