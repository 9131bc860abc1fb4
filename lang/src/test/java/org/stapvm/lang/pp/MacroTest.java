package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import org.stapvm.lang.diag.Diagnostic;
import org.junit.jupiter.api.Test;

/** @define and macro expansion; expected texts match the expressions stap 4.8 -p1 prints for the same input. */
class MacroTest {
    private static final String DEFS = "@define two %( 2 %)\n"
            + "@define add(a, b) %( (@a + @b) %)\n"
            + "@define twice(x) %( @add(@x, @x) %)\n"
            + "@define f %( foo %)\n"
            + "@define g(x) %( @x(@x) %)\n";

    @Test
    void definitionsLeaveNoTokens() {
        assertEquals("probe begin { }", Pp.text(DEFS + "probe begin { }"));
    }

    @Test
    void withoutParameters() {
        assertEquals("x = 2", Pp.text(DEFS + "x = @two"));
    }

    @Test
    void withParameters() {
        assertEquals("( 1 + 2 )", Pp.text(DEFS + "@add(1, 2)"));
        assertEquals("h ( h )", Pp.text(DEFS + "@g(h)"));
    }

    @Test
    void argumentsSplitAtTopLevelCommasOnly() {
        assertEquals("( 2 + ( 1 + a [ 3 , 4 ] ) )", Pp.text(DEFS + "@add(@two, @add(1, a[3,4]))"));
        assertEquals("( f ( 1 , 2 ) + 3 )", Pp.text(DEFS + "@add(f(1, 2), 3)"));
        assertEquals("( + )", Pp.text(DEFS + "@add(, )")); // empty arguments are allowed
    }

    @Test
    void nestedCalls() {
        assertEquals("( 2 + 2 )", Pp.text(DEFS + "@twice(@two)"));
        assertEquals("( ( 1 + 2 ) + ( 3 + 3 ) )", Pp.text(DEFS + "@add(@add(1,2), @twice(3))"));
        assertEquals("( ( 2 + 2 ) + ( 2 + 2 ) )", Pp.text(DEFS + "@twice(@twice(2))"));
    }

    @Test
    void parameterlessMacroLeavesParentheses() {
        assertEquals("foo ( 1 )", Pp.text(DEFS + "@f(1)"));
    }

    @Test
    void parameterNamesShadowMacros() {
        assertEquals("( 5 + 1 )", Pp.text("@define a %( 9 %)\n@define m(a) %( (@a + 1) %)\n@m(5)"));
    }

    @Test
    void argumentsSeeTheParametersOfWhereTheyWereWritten() {
        // In inner's body @x is inner's parameter, whose text "@x" was written in outer's body,
        // so it means outer's x.
        assertEquals("[ 7 ]", Pp.text("@define inner(x) %( [@x] %)\n@define outer(x) %( @inner(@x) %)\n@outer(7)"));
    }

    @Test
    void unknownAndBuiltinAtWordsStay() {
        assertEquals("@nope ( 1 ) @cast ( p , \"task_struct\" ) @count ( s ) @defined ( $x )",
                Pp.text("@nope(1) @cast(p, \"task_struct\") @count(s) @defined($x)"));
    }

    @Test
    void macroMayRedefineBuiltinWithWarning() {
        Pp pp = Pp.run("@define cast %( x %)\n@cast");
        assertEquals("x", pp.text());
        assertEquals(List.of("1:9 macro redefines built-in operator '@cast' [identifier 'cast']"), pp.errors());
        assertEquals(Diagnostic.Kind.PARSE_WARNING, pp.diagnostics.get(0).kind());
    }

    @Test
    void macroUsableOnlyAfterDefinition() {
        assertEquals("@m 1", Pp.text("@m @define m %( 1 %) @m"));
    }

    @Test
    void expansionKeepsDefinitionSitePositions() {
        Pp pp = Pp.run("@define two %(\n   2 %)\nx = @two");
        assertEquals("x = 2", pp.text());
        assertEquals(2, pp.tokens.get(2).getLine());
        assertEquals(3, pp.tokens.get(2).getCharPositionInLine());
    }

    @Test
    void eachExpansionGetsItsOwnTokens() {
        Pp pp = Pp.run("@define two %( 2 %)\n@two @two");
        assertEquals(2, pp.tokens.size());
        assert pp.tokens.get(0) != pp.tokens.get(1);
    }

    @Test
    void directRecursionIsAnError() {
        Pp pp = Pp.run("@define r %( a @r %)\nx @r y");
        assertEquals("x a y", pp.text());
        assertEquals(List.of("1:16 recursive invocation of macro '@r' [operator '@r']"), pp.errors());
    }

    @Test
    void mutualRecursionIsAnError() {
        Pp pp = Pp.run("@define f %( @g %)\n@define g %( @f %)\n@f");
        assertEquals("", pp.text());
        assertEquals(List.of("2:14 recursive invocation of macro '@f' [operator '@f']"), pp.errors());
    }

    @Test
    void recursionThroughAnArgumentIsAnError() {
        Pp pp = Pp.run("@define id(x) %( @x %)\n@define g %( @id(@g) %)\n@g");
        assertEquals(List.of("2:18 recursive invocation of macro '@g' [operator '@g']"), pp.errors());
    }

    @Test
    void recursionInSkippedBranchStillTerminates() {
        assertEquals("z", Pp.text("@define r %( %( 1 == 0 %? @r %: z %) %)\n@r"));
    }

    @Test
    void exponentialExpansionIsCutOff() {
        StringBuilder script = new StringBuilder("@define m0 %( x %)\n");
        for (int i = 1; i <= 30; i++) {
            script.append("@define m").append(i).append(" %( @m").append(i - 1).append(" @m").append(i - 1).append(" %)\n");
        }
        script.append("@m30 end");
        Pp pp = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Pp.run(script.toString()));
        assertEquals(List.of("32:1 macro expansion exceeds 1000000 tokens [operator '@m30']"), pp.errors());
        assertEquals("end", pp.tokens.get(pp.tokens.size() - 1).getText());
    }
}
