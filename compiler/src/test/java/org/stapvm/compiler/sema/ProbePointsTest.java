package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

class ProbePointsTest {

    private static ProbePoint point(String text) {
        Declaration.Probe p = (Declaration.Probe) new ScriptParser(TokenPass.NONE)
                .parse(new SourceFile("t.stp", "probe " + text + " {}")).script().declarations().get(0);
        return p.points().get(0);
    }

    private static String failure(String text) {
        List<ProbePoints.Failure> fs = new ArrayList<>();
        assertNull(ProbePoints.resolve(point(text), List.of(), fs::add));
        return fs.get(0).message();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timer.s(1)|1000000000", "timer.sec(2)|2000000000", "timer.ms(5)|5000000", "timer.us(100)|100000",
        "timer.ns(100000)|100000", "timer.hz(10)|100000000", "timer.msec(1).randomize(1)|1000000"})
    void timersGetTheirPeriod(String text, long ns) {
        assertEquals(ns, ProbePoints.resolve(point(text), List.of(), f -> {}).periodNs());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timer.s(100000)|interval value out of range (1, 86400)",
        "timer.ms(0)|interval value out of range (1, 86400000)",
        "timer.us(3)|interval value out of range (100, 86400000000)",
        "timer.ns(10)|interval value out of range (100000, 86400000000000)",
        "timer.hz(100000)|interval value out of range (100000, 86400000000000)",
        "timer.ms(1).randomize(2)|randomization value out of range",
        "timer.jiffies(0)|invalid interval for jiffies timer",
        "timer.jiffies(2).randomize(3)|invalid randomize for jiffies timer",
        "begin.x|invalid suffix for probe"})
    void stapsRangeMessages(String text, String message) {
        assertEquals(message, failure(text));
    }

    @Test
    void sequenceNumbers() {
        assertEquals(-5, ProbePoints.resolve(point("end(-5)"), List.of(), f -> {}).sequence());
        assertEquals(ProbeSpec.Kind.NEVER, ProbePoints.resolve(point("never"), List.of(), f -> {}).kind());
    }

    @Test
    void timerUnitSuggestionsFollowStap() {
        assertEquals("probe point mismatch (similar: s, ms, ns, us, hz)", failure("timer.s"));
    }
}
