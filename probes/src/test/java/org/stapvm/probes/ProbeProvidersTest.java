package org.stapvm.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The registry and the begin/end/error/never and timer families, through the registry. */
class ProbeProvidersTest {
    private static final ProbeTarget HOST = ProbeTarget.running();

    private static String failure(String text) {
        return Points.failure(text, HOST);
    }

    private static ProbeSpec spec(String text) {
        List<ProbeSpec> specs = Points.resolve(text, HOST);
        assertEquals(1, specs.size());
        return specs.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "timer.s(1)|1000000000", "timer.sec(2)|2000000000", "timer.ms(5)|5000000", "timer.us(100)|100000",
        "timer.ns(100000)|100000", "timer.hz(10)|100000000", "timer.msec(1).randomize(1)|1000000"})
    void timersGetTheirPeriod(String text, long ns) {
        assertEquals(ns, spec(text).periodNs());
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
        assertEquals(-5, spec("end(-5)").sequence());
        assertEquals(ProbeSpec.Kind.NEVER, spec("never").kind());
    }

    @Test
    void timerUnitSuggestionsFollowStap() {
        assertEquals("probe point mismatch (similar: s, ms, ns, us, hz)", failure("timer.s"));
    }

    @Test
    void unknownRootsGetTheFamiliesAndAliasesAsSuggestions() {
        assertEquals(List.of("begin", "end", "error", "never", "timer", "process", "procfs"), ProbeProviders.standard().suggestedRoots());
        List<ProbeProvider.Failure> fs = new java.util.ArrayList<>();
        assertNull(ProbeProviders.standard().resolve(Points.parse("syscal"), HOST, List.of("syscall"), fs::add));
        assertEquals("probe point mismatch (similar: syscall, procfs, begin, end, error)", fs.get(0).message());
        assertEquals("syscal", fs.get(0).at().name());
        assertEquals("probe point mismatch (similar: begin, end, never, error, timer)", failure("begin(\"x\")"));
        assertEquals("probe point mismatch (similar: begin, end, error, never, timer)", failure("beginn"));
    }

    /** The typed records (probes.def kinds) the families fill in beside the descriptor text. */
    @Test
    void recordsOfTheSessionEventsAndTimers() {
        // a sequence the point writes is in pp(), as stap's (conformance pn_basic)
        assertEquals(ProbeRecord.of(ProbeKind.BEGIN, "begin(5)"), spec("begin(5)").record());
        assertEquals(ProbeRecord.of(ProbeKind.BEGIN, "begin"), spec("begin").record());
        assertEquals(ProbeRecord.of(ProbeKind.NEVER, "never"), spec("never").record());
        assertEquals(ProbeRecord.timer("timer.ms(5).randomize(2)", 5_000_000, 2_000_000, false),
                spec("timer.ms(5).randomize(2)").record());
        assertEquals(ProbeRecord.timer("timer.hz(10).randomize(2)", 100_000_000, 20_000_000, false),
                spec("timer.hz(10).randomize(2)").record());
        assertEquals(ProbeRecord.timer("timer.jiffies(3).randomize(1)", 3, 1, true),
                spec("timer.jiffies(3).randomize(1)").record());
        assertEquals(ProbeRecord.of(ProbeKind.TIMER_PROFILE, "timer.profile"), spec("timer.profile").record());
    }
}
