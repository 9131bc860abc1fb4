package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;
import org.stapvm.lang.diag.Diagnostic;

class InferTypesTest {

    private static Variable global(CheckedProgram p, String name) {
        return p.globals().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void typesFlowBackwardsThroughFunctionsToAFixedPoint() {
        // g's type is only known after f's result, which is only known after h's parameter.
        CheckedProgram p = SemTesting.elaborate("global g\nfunction f(a) { return h(a) }\n"
                + "function h(b) { return b . \"!\" }\nprobe begin { g = f(\"x\"); print(g) }");
        assertTrue(p.ok(), p.report());
        assertEquals(Type.STRING, p.typeOf(global(p, "g")));
        assertEquals(Type.STRING, p.returnTypes().get(p.functions().get(0)));
        assertEquals(Type.STRING, p.typeOf(p.functions().get(1).params().get(0)));
    }

    @Test
    void statisticsAndArrayKeys() {
        CheckedProgram p = SemTesting.elaborate("global s, a\nprobe begin { s[execname(), 1] <<< 5; a[\"k\"] = \"v\";"
                + " foreach (k in a) print(@count(s[k, 1])) }");
        assertTrue(p.ok(), p.report());
        assertEquals(Type.STATS, p.typeOf(global(p, "s")));
        assertEquals(List.of(Type.STRING, Type.LONG), p.keyTypes().get(global(p, "s")));
        assertEquals(Type.STRING, p.typeOf(global(p, "a")));
        assertEquals(Type.STRING, p.typeOf(p.probes().get(0).locals().get(0)));
    }

    @Test
    void everyExpressionGetsAType() {
        CheckedProgram p = SemTesting.elaborate("probe begin { x = strlen(\"ab\") + 1; print(x) }");
        assertTrue(p.ok(), p.report());
        Unit u = p.probes().get(0);
        Expression.Assign a = (Expression.Assign) ((Statement.ExprStmt) u.body().statements().get(0)).expression();
        assertEquals(Type.LONG, p.typeOf(u, a));
        assertEquals(Type.LONG, p.typeOf(u, ((Expression.Binary) a.value()).left()));
    }

    @Test
    void firstInferredPlaceIsNamedInMismatches() {
        CheckedProgram p = SemTesting.elaborate("probe begin { x = 1; y = x . \"a\"; print(y) }");
        Diagnostic d = p.diagnostics().get(0);
        assertEquals("type mismatch (string)", d.message());
        assertEquals("type was first inferred here (long)", d.chain().get(0).message());
        assertEquals(15, d.chain().get(0).pos().column());
    }

    @Test
    void declaredTypesAreRespected() {
        CheckedProgram p = SemTesting.elaborate("function f:string (n:long) { return sprint(n) }\nprobe begin { print(f(\"s\")) }");
        assertEquals("type mismatch: expected string but found long", p.diagnostics().get(0).message());
    }

    @Test
    void catchVariablesAreStrings() {
        CheckedProgram p = SemTesting.elaborate("probe begin { try { error(\"e\") } catch (m) { print(m . \"\") } }");
        assertTrue(p.ok(), p.report());
        assertEquals(Type.STRING, p.typeOf(p.probes().get(0).locals().get(0)));
    }
}
