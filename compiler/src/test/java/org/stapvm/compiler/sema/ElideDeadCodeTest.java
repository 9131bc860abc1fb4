package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimizer's elision warnings, with the texts and positions `stap -p2` prints for the same scripts. */
class ElideDeadCodeTest {

    private static List<String> warnings(String script) {
        CheckedProgram p = SemTesting.elaborate(script);
        assertTrue(p.ok(), p.report());
        return p.diagnostics().stream().map(d -> d.message() + " @" + d.pos().line() + ":" + d.pos().column()).toList();
    }

    @Test
    void deadAssignmentThenItsVariable() {
        assertEquals(List.of("Eliding assignment to 'x' @1:17", "Eliding side-effect-free expression  @1:15"),
                warnings("probe begin { x = 1 / 2; exit() }"));
    }

    @Test
    void anAssignmentWithEffectsKeepsItsValue() {
        assertEquals(List.of("Eliding assignment to 'x' @1:17"), warnings("probe begin { x = randint(3); exit() }"));
    }

    @Test
    void readsAndCompoundAssignmentsKeepAVariable() {
        assertEquals(List.of(), warnings("probe begin { x = 5; if (0) println(x); y += 2; z++; exit() }"));
    }

    @Test
    void pureExpressionsAndPureFunctionCalls() {
        assertEquals(List.of("Eliding side-effect-free expression  @2:15", "Eliding side-effect-free expression  @2:22"),
                warnings("function tw(v) { t = v * 2; return t }\nprobe begin { 1 + 2; tw(3); exit() }"));
    }

    @Test
    void printingFunctionsAreKept() {
        assertEquals(List.of(), warnings("function tw(v) { println(v) return v }\nprobe begin { tw(3); exit() }"));
    }

    @Test
    void probesFirstThenFunctionsAndEmptyProbesGo() {
        assertEquals(List.of("Eliding assignment to 'y' @1:48", "Eliding assignment to 'x' @1:70",
                        "Eliding assignment to 'z' @1:18", "Eliding side-effect-free expression  @1:46",
                        "Eliding side-effect-free expression  @1:68", "Eliding side-effect-free expression  @1:16",
                        "Probe 'end' has been elided @1:34"),
                warnings("function f() { z = 3; return 1 } probe end { y = 2 } probe begin { x = 1; println(f()); exit() }"));
    }
}
