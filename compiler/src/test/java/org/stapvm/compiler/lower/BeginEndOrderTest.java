package org.stapvm.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** BeginEndOrder against orders stap 4.8 ran its probes in (conformance cases be_order_*). */
class BeginEndOrderTest {
    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void upToSixteenEqualPrioritiesKeepTheirOrder() {
        assertEquals(range(1, 16), BeginEndOrder.sort(range(1, 16), x -> 0));
    }

    @Test
    void eighteenEqualPrioritiesComeOutAsStdSortLeavesThem() {
        // be_order_18_end: a begin probe, then 18 end probes; stap ran the ends 9, 18..10, 8..1
        List<Integer> sorted = BeginEndOrder.sort(range(0, 18), x -> 0);
        assertEquals(List.of(9, 18, 17, 16, 15, 14, 13, 12, 11, 10, 8, 7, 6, 5, 4, 3, 2, 1),
                sorted.stream().filter(x -> x != 0).toList());
    }

    @Test
    void prioritiesSortAndEqualOnesScramble() {
        // be_order_priorities: begin(N) probes (N in the names), the last begin(3)
        List<String> probes = List.of("2a", "0a", "-1a", "2b", "0b", "1a", "0c", "-1b", "1b", "0d", "2c", "0e",
                "1c", "0f", "-1c", "0g", "0h", "0i", "3");
        List<String> sorted = BeginEndOrder.sort(probes, p -> Long.parseLong(p.replaceAll("[a-z]", "")));
        assertEquals(List.of("-1a", "-1c", "-1b", "0a", "0i", "0h", "0g", "0f", "0e", "0d", "0c", "0b",
                "1b", "1c", "1a", "2c", "2b", "2a", "3"), sorted);
    }
}
