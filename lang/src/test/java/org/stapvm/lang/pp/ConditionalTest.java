package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which branch each kind of condition keeps; expectations checked against stap 4.8 -p1 on the same machine facts. */
class ConditionalTest {
    /** "1" if the condition holds, "2" if not. */
    private static String eval(String condition) {
        return Pp.text("%( " + condition + " %? 1 %: 2 %)");
    }

    @Test
    void kernelVersions() {
        assertEquals("1", eval("kernel_v == \"6.1.0\""));
        assertEquals("2", eval("kernel_v == \"6.1.0-56-amd64\""));
        assertEquals("1", eval("kernel_vr == \"6.1.0-56-amd64\""));
        assertEquals("1", eval("kernel_v >= \"6.1\""));
        assertEquals("1", eval("kernel_v < \"6.10\""));
        assertEquals("1", eval("kernel_vr > \"6.1.0\""));
        assertEquals("2", eval("kernel_v <= \"2.6.32\""));
        assertEquals("1", eval("kernel_v != \"5.10.0\""));
        assertEquals("1", eval("kernel_v == \"6.1*\""));
        assertEquals("2", eval("kernel_v != \"6.[01]*\""));
        assertEquals("1", eval("kernel_vr == \"*-amd64\""));
    }

    @Test
    void archRuntimeVersionPrivilegeGuru() {
        assertEquals("1", eval("arch == \"x86_64\""));
        assertEquals("1", eval("arch == \"x86_*\""));
        assertEquals("1", eval("arch != \"i?86\""));
        assertEquals("1", eval("runtime == \"kernel\""));
        assertEquals("2", eval("runtime == \"dyninst\""));
        assertEquals("1", eval("systemtap_v >= \"4.8\""));
        assertEquals("2", eval("systemtap_v < \"2.0\""));
        assertEquals("1", eval("systemtap_v == \"4.*\""));
        assertEquals("1", eval("systemtap_privilege == \"stapdev\""));
        assertEquals("1", eval("systemtap_privilege != \"stapusr\""));
        assertEquals("1", eval("guru_mode == 0"));
        assertEquals("2", eval("guru_mode != 0"));
    }

    @Test
    void guruModeOn() {
        Pp pp = Pp.run("%( guru_mode == 1 %? 1 %: 2 %)", MacroTable.empty(), Pp.CONTEXT.withGuruMode(true));
        assertEquals("1", pp.text());
    }

    @Test
    void kernelConfig() {
        assertEquals("1", eval("CONFIG_SMP == \"y\""));
        assertEquals("1", eval("CONFIG_EXT4_FS == \"[my]\""));
        assertEquals("2", eval("CONFIG_EXT4_FS == \"y\""));
        assertEquals("1", eval("CONFIG_NOT_SET == \"\""));
        assertEquals("1", eval("CONFIG_NOT_SET != \"y\""));
        assertEquals("1", eval("CONFIG_NOT_SET == 0")); // unset reads as "", which strtoll takes as 0
        assertEquals("1", eval("CONFIG_HZ == 250"));
        assertEquals("1", eval("CONFIG_HZ >= 100"));
        assertEquals("1", eval("CONFIG_PHYSICAL_START == 16777216")); // config values may be hex
        assertEquals("1", eval("CONFIG_HZ == \"250\""));
        assertEquals("1", eval("CONFIG_NR_CPUS > CONFIG_HZ")); // both numbers: numeric
        assertEquals("2", eval("CONFIG_HZ == CONFIG_HZ_250")); // "250" vs "y": string compare
        assertEquals("1", eval("CONFIG_DEFAULT_HOSTNAME == \"\\\"(none)\\\"\"")); // quotes are part of the value
        assertEquals("2", eval("CONFIG_DEFAULT_HOSTNAME == \"(none)\""));
    }

    @Test
    void literalsAndArgumentCounts() {
        assertEquals("1", eval("\"abc\" < \"abd\""));
        assertEquals("2", eval("\"abc\" == \"a*\"")); // no globbing between literals
        assertEquals("1", eval("10 > 9"));
        assertEquals("1", eval("010 == 10"));
        assertEquals("1", eval("$# == 2")); // the harness has two arguments
        assertEquals("1", eval("@# == \"2\""));
        assertEquals("2", eval("$# > 2"));
    }

    @Test
    void andBindsTighterThanOr() {
        assertEquals("1", eval("1 == 1 && 1 == 0 || 2 == 2"));
        assertEquals("2", eval("1 == 0 || 1 == 1 && 2 == 3"));
        assertEquals("1", eval("1 == 0 || 1 == 1 && 2 == 2"));
        assertEquals("1", eval("kernel_v >= \"6.1\" && arch == \"x86_64\" || 1 == 0"));
    }

    @Test
    void elseIsOptional() {
        assertEquals("a b", Pp.text("a %( 1 == 1 %? b %) "));
        assertEquals("a c", Pp.text("a %( 1 == 0 %? b %) c"));
    }

    @Test
    void conditionalsWorkAnywhereInTheTokenStream() {
        assertEquals("probe kernel . function ( \"new\" ) { }",
                Pp.text("probe kernel.function(%( kernel_v >= \"5.0\" %? \"new\" %: \"old\" %)) { }"));
    }

    @Test
    void nesting() {
        String script = "%( 1 == 1 %? a %( 2 == 2 %? b %: c %) d %: e %( 3 == 3 %? f %: g %) h %) i";
        assertEquals("a b d i", Pp.text(script));
        assertEquals("e g h i", Pp.text(script.replace("1 == 1", "1 == 0").replace("3 == 3", "3 == 0")));
    }

    @Test
    void skippedBranchesAreNotEvaluatedButStayBalanced() {
        // The skipped branches hold a bad condition, a stray %? and an unknown @word: none is looked at.
        assertEquals("ok", Pp.text("%( 1 == 0 %? %( bogus %? x %: y %) @nope %: ok %)"));
        assertEquals("ok", Pp.text("%( 1 == 1 %? ok %: %( bogus bogus %? x %) %( %( a %) %) %)"));
    }

    @Test
    void macrosInSkippedBranchesExpandAsInStap() {
        // stap expands macros even while skipping, so one expanding to %: switches branches.
        assertEquals("3", Pp.text("@define e %( %: %)\n%( 1 == 0 %? @e 3 %)"));
    }

    @Test
    void defineInSkippedBranchIsIgnored() {
        Pp pp = Pp.run("%( 1 == 0 %? @define foo %( 1 %) %) @foo");
        assertEquals("@foo", pp.text());
        assertEquals(List.of(), pp.errors());
    }

    @Test
    void conditionFromMacro() {
        // tapset/sreg_arch.stpm style: a macro that expands to a whole condition.
        assertEquals("yes", Pp.text("@define is_sreg %( arch == \"x86_64\" && kernel_vr >= \"4.17.0\" %)\n"
                + "%( @is_sreg %? yes %: no %)"));
        assertEquals("1", Pp.text("@define hz %( 250 %)\n%( CONFIG_HZ == @hz %? 1 %: 2 %)"));
    }

    @Test
    void conditionalInMacroBody() {
        assertEquals("( 64 )", Pp.text("@define bits %( (%( arch == \"x86_64\" %? 64 %: 32 %)) %)\n@bits"));
    }

    @Test
    void tokensKeepTheirPositions() {
        Pp pp = Pp.run("%( 1 == 1 %?\n  x %)");
        assertEquals(2, pp.tokens.get(0).getLine());
        assertEquals(2, pp.tokens.get(0).getCharPositionInLine());
    }
}
