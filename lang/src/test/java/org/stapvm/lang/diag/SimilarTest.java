package org.stapvm.lang.diag;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SimilarTest {
    @Test
    void similarOrdersByDistanceThenInsertion() {
        assertEquals("log, cpu, HZ", Similar.suggest("foo", List.of("cpu", "HZ", "log", "execname"), 3));
        assertEquals(" (similar: g)", Similar.clause("g", List.of("g")));
        assertEquals("", Similar.clause("g", List.of()));
        assertEquals(3, Similar.distance("kitten", "sitting"));
    }
}
