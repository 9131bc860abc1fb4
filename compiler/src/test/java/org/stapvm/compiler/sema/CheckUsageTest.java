package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.diag.Diagnostic;

class CheckUsageTest {

    @Test
    void writtenButNeverReadGlobalsArePrintedAtEnd() {
        CheckedProgram p = SemTesting.elaborate("global a, b, c, d, e = 1\n"
                + "probe begin { a = 1; b[1] = 2; c++; d <<< 3; e = 2; print(c) }");
        assertTrue(p.ok(), p.report());
        assertEquals(List.of("a", "b", "d"), p.printAtEnd().stream().map(Variable::name).toList());
    }

    @Test
    void readModifyWriteCountsAsARead() {
        CheckedProgram p = SemTesting.elaborate("global n\nprobe begin { n += 1 }");
        assertTrue(p.printAtEnd().isEmpty());
    }

    @Test
    void neverAssignedLocalsWarn() {
        CheckedProgram p = SemTesting.elaborate("probe begin { x = y + 1; print(x) }");
        assertTrue(p.ok());
        assertEquals("never-assigned local variable 'y' (similar: x)", p.diagnostics().get(0).message());
        assertEquals(Diagnostic.Kind.SEMANTIC_WARNING, p.diagnostics().get(0).kind());
    }

    @Test
    void foreachKeysAndParametersCountAsAssigned() {
        CheckedProgram p = SemTesting.elaborate("global a\nfunction f(v) { return v }\n"
                + "probe begin { a[1] = 1; foreach (k in a) print(f(k)) }");
        assertTrue(p.diagnostics().isEmpty(), p.report());
    }

    @Test
    void writesInIfZeroAreElided() {
        CheckedProgram p = SemTesting.elaborate("global x, y\nprobe begin { if (0) { x = 1 } else { y = 2 } }");
        assertTrue(p.ok(), p.report());
        assertEquals(List.of("y"), p.printAtEnd().stream().map(Variable::name).toList());
    }
}
