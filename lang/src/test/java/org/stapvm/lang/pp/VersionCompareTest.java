package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class VersionCompareTest {
    private static int sign(String a, String b) {
        return Integer.signum(VersionCompare.compare(a, b));
    }

    @Test
    void digitRunsCompareAsNumbers() {
        assertEquals(1, sign("6.10", "6.9"));
        assertEquals(-1, sign("2.6.9", "2.6.32"));
        assertEquals(0, sign("6.1.0", "6.1.0"));
        assertEquals(1, sign("6.1.0", "6.1"));
        assertEquals(1, sign("6.1.0-56-amd64", "6.1.0"));
        assertEquals(-1, sign("4.8", "4.10"));
        assertEquals(1, sign("6.1.0-56-amd64", "4.17.0"));
    }

    @Test
    void glibcManualOrder() {
        // strverscmp(3): 000 < 00 < 01 < 010 < 09 < 0 < 1 < 9 < 10
        List<String> order = List.of("000", "00", "01", "010", "09", "0", "1", "9", "10");
        for (int i = 0; i < order.size(); i++) {
            for (int j = 0; j < order.size(); j++) {
                assertEquals(Integer.signum(Integer.compare(i, j)), sign(order.get(i), order.get(j)),
                        order.get(i) + " vs " + order.get(j));
            }
        }
    }

    @Test
    void nonDigitsCompareAsBytes() {
        assertEquals(-1, sign("a", "b"));
        assertEquals(-1, sign("", "a"));
        assertEquals(1, sign("6.1-rc1", "6.1"));
        assertEquals(-1, sign("jan1", "jan10"));
    }
}
