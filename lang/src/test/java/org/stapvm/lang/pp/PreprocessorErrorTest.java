package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input: script, the tokens kept, and every diagnostic as "line:col message [token]". The first
 * diagnostic of each case is the error stap 4.8 prints for the same script (stap labels it "at:");
 * later stap errors are cascades that stapvm avoids by dropping the broken construct.
 */
class PreprocessorErrorTest {
    private static final String BAD_CONDITION = ConditionEvaluator.NOT_A_CONDITION;
    private static final String ADD = "@define add(a,b) %( (@a + @b) %)\n";

    static Stream<Arguments> cases() {
        return Stream.of(
                // Conditional structure.
                bad("%( kernel_v >= \"6.1\" %: 1 %: 2 %) z", "z",
                        "1:1 expected '%?' marker for conditional [operator '%(']"),
                bad("%( kernel_v == \"6\" \"x\" %? x %)", "",
                        "1:1 expected '%?' marker for conditional [operator '%(']"),
                bad("%( 1 == 1 %? 1 %: 2 %: 3 %)", "1",
                        "1:21 invalid conditional - duplicate '%:' [operator '%:']"),
                bad("a %( 1 == 1 %? 1 %: 2", "a",
                        "1:3 incomplete conditional at end of file [operator '%(']"),
                bad("a %( 1 == 1 %? %( 1 == 1 %? x", "a",
                        "1:16 incomplete conditional at end of file [operator '%(']",
                        "1:3 incomplete conditional at end of file [operator '%(']"),
                bad("x %? y", "x y", "1:3 incomplete conditional - missing '%(' [operator '%?']"),
                bad("x %: y", "x y", "1:3 incomplete conditional - missing '%(' [operator '%:']"),
                bad("x %) y", "x y", "1:3 incomplete conditional - missing '%(' [operator '%)']"),
                bad("%( kernel_v", "", "1:1 incomplete condition after '%(' [operator '%(']"),
                // Conditions.
                bad("%( 1 %? 1 %) z", "z", "1:6 expected comparison operator [operator '%?']"),
                bad("%( kernel_v ++ \"6\" %? 1 %)", "", "1:13 expected comparison operator [operator '++']"),
                bad("%( kernel_v == 6 %? 1 %)", "", "1:16 expected string literal [number '6']"),
                bad("%( kernel_v < \"6.*\" %? 1 %)", "",
                        "1:13 wildcard not allowed with order comparison operators [operator '<']"),
                bad("%( arch < \"x\" %? 1 %)", "", "1:9 expected '==' or '!=' [operator '<']"),
                bad("%( systemtap_privilege < \"x\" %? 1 %)", "", "1:24 expected '==' or '!=' [operator '<']"),
                bad("%( runtime == 1 %? 1 %)", "", "1:15 expected string literal [number '1']"),
                bad("%( guru_mode == 2 %? 1 %)", "", "1:14 expected 0 or 1 [operator '==']"),
                bad("%( guru_mode < 1 %? 1 %)", "", "1:14 expected '==' or '!=' [operator '<']"),
                bad("%( guru_mode == \"1\" %? 1 %)", "", "1:17 expected number [string '1']"),
                bad("%( CONFIG_SMP == 0 %? 1 %)", "", "1:4 Config option value not a number [identifier 'CONFIG_SMP']"),
                bad("%( CONFIG_ILLEGAL_POINTER_VALUE == 0 %? 1 %)", "",
                        "1:4 Config option value not a number [identifier 'CONFIG_ILLEGAL_POINTER_VALUE']"),
                bad("%( CONFIG_HZ > \"200\" %? 1 %)", "", "1:14 expected '==' or '!=' [operator '>']"),
                bad("%( CONFIG_HZ == x %? 1 %)", "",
                        "1:17 expected string, number literal or other CONFIG_... as right side operand [identifier 'x']"),
                bad("%( \"ab\" == 1 %? 1 %)", "", "1:12 expected string literal as right value [number '1']"),
                bad("%( 1 == \"ab\" %? 1 %)", "", "1:9 expected number literal as right value [string 'ab']"),
                bad("%( @# == 2 %? 1 %)", "", "1:10 expected string literal as right value [number '2']"),
                bad("%( $# == \"2\" %? 1 %)", "", "1:10 expected number literal as right value [string '2']"),
                bad("%( 0x10 == 16 %? 1 %)", "", "1:4 bad lexical cast [number '0x10']"),
                // @defined is resolved after parsing, so in a condition it is not one of the known operands.
                bad("%( @defined($foo) %? 1 %: 2 %) z", "z", "1:4 " + BAD_CONDITION + " [operator '@defined']"),
                bad("%( (kernel_v >= \"6.1\") %? 1 %)", "", "1:4 " + BAD_CONDITION + " [operator '(']"),
                bad("%( probe == 1 %? 1 %)", "", "1:4 " + BAD_CONDITION + " [keyword]"),
                bad("%( 1 == 1 && 2 %? x %)", "", "1:14 " + BAD_CONDITION + " [number '2']"),
                bad("%( arch == \"x86_64\" || %? x %)", "", "1:24 " + BAD_CONDITION + " [operator '%?']"),
                bad("%( \"ab\" == 1 && 1 == \"x\" %? 1 %)", "",
                        "1:12 expected string literal as right value [number '1']"),
                // @define.
                bad("@define 5 %( x %) z", "z", "1:9 expected identifier [number '5']"),
                bad("@define a b %( x %)", "", "1:11 expected '%(' or '(' [identifier 'b']"),
                bad("@define a(b c) %( x %)", "", "1:13 expected ',' or ')' [identifier 'c']"),
                bad("@define a(1) %( x %)", "", "1:11 expected identifier [number '1']"),
                bad("@define a(b) x", "", "1:14 expected '%(' [identifier 'x']"),
                bad("x @define", "x", "1:3 expected identifier [operator '@define']"),
                bad("@define a %( x %)\n@define a %( y %)\n@a", "x",
                        "2:9 attempt to redefine macro '@a' in the same file [identifier 'a']",
                        "1:9 macro '@a' first defined here [identifier 'a']"),
                bad("@define a %( x %( 1 %)", "", "1:9 incomplete macro definition - missing '%)' [identifier 'a']"),
                bad("@define define %( x %)", "", "1:9 attempt to redefine '@define' [identifier 'define']"),
                bad("@define a %( @define b %( 1 %) x %)\n@a", "x",
                        "1:14 '@define' forbidden inside macro body [operator '@define']"),
                // Invocations.
                bad(ADD + "@add 1", "1", "2:6 expected '(' in invocation of macro '@add' taking 2 parameters [number '1']"),
                bad("@define one(a) %( (@a) %)\n@one 1", "1",
                        "2:6 expected '(' in invocation of macro '@one' taking 1 parameter [number '1']"),
                bad(ADD + "@add(1) z", "z", "2:7 too few parameters for macro '@add' (expected 2) [operator ')']"),
                bad(ADD + "@add(1,2,3) z", "z", "2:9 too many parameters for macro '@add' (expected 2) [operator ',']"),
                // As in stap, braces do not group arguments.
                bad(ADD + "@add({1,2}, 3) z", "z", "2:11 too many parameters for macro '@add' (expected 2) [operator ',']"),
                bad(ADD + "x @add(1, 2", "x", "2:3 could not find end of macro invocation [operator '@add']"),
                // Errors inside an expansion point into the macro body.
                bad("@define c %( %( kernel_v == 6 %? 1 %) %)\n@c", "", "1:29 expected string literal [number '6']"));
    }

    private static Arguments bad(String script, String kept, String... diagnostics) {
        return Arguments.of(script, kept, List.of(diagnostics));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void reportsLikeStap(String script, String kept, List<String> diagnostics) {
        Pp pp = Pp.run(script);
        assertEquals(diagnostics, pp.errors());
        assertEquals(kept, pp.text());
    }
}
