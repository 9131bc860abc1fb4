package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Each expected value is the `#define MAXNESTING` of `stap -p3 -k` for the same script. */
class NestingDepthTest {

    private static int depth(String script) {
        return NestingDepth.of(SemTesting.elaborate(script));
    }

    @Test
    void noFunctionsIsOne() {
        assertEquals(1, depth("probe begin { println(1) }"));
    }

    @Test
    void aChainCountsItsFramesAndTapsetFunctionsCount() {
        assertEquals(2, depth("function fa(n) { return strlen(sprint(n)) }\nprobe begin { println(fa(1)) }"));
        assertEquals(5, depth("global g\nfunction f1() { g++ }\nfunction f2() { f1() }\nfunction f3() { f2() }\n"
                + "function f4() { f3() }\nfunction f5() { f4() }\nprobe begin { f1() f2() f3() f4() f5() println(g) }"));
    }

    @Test
    void recursionIsTwelvePlusTheLongerOfPrefixAndCycle() {
        String rec = "global g\nfunction f1() { g++; if (g < 5) f1() }\n";
        assertEquals(13, depth(rec + "probe begin { f1() }"));
        assertEquals(13, depth(rec + "function f2() { f1() }\nprobe begin { f2() }"));
        assertEquals(14, depth(rec + "function f2() { f1() }\nfunction f3() { f2() }\nprobe begin { f3() }"));
        assertEquals(14, depth("global g\nfunction f1() { g++; if (g < 5) f2() }\nfunction f2() { f1() }\n"
                + "probe begin { f1() }"));
        assertEquals(15, depth("global g\nfunction f1() { g++; if (g < 5) f2() }\nfunction f2() { f3() }\n"
                + "function f3() { f1() }\nprobe begin { f1() }"));
        assertEquals(14, depth("global g\nfunction f1() { g++; if (g < 5) f2() }\nfunction f2() { f1() }\n"
                + "function f3() { f1() }\nfunction f4() { f3() }\nprobe begin { f4() }"));
    }
}
