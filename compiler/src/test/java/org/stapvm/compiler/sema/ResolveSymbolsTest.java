package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.Statement;

class ResolveSymbolsTest {

    private static Expression firstExpression(Unit u) {
        Statement s = u.body().statements().get(0);
        return ((Statement.ExprStmt) s).expression();
    }

    @Test
    void localsArePerUnitAndGlobalsAreShared() {
        CheckedProgram p = SemTesting.elaborate("global g\nprobe begin { x = 1; g = x }\nprobe end { x = 2; g = x }");
        assertTrue(p.ok(), p.report());
        Unit b = p.probes().get(0);
        Unit e = p.probes().get(1);
        assertEquals("x", b.locals().get(0).name());
        assertNotSame(b.locals().get(0), e.locals().get(0));
        Expression.Assign ga = (Expression.Assign) ((Statement.ExprStmt) b.body().statements().get(1)).expression();
        Expression.Assign ge = (Expression.Assign) ((Statement.ExprStmt) e.body().statements().get(1)).expression();
        assertSame(b.variable(ga.target()), e.variable(ge.target()));
        assertEquals(Variable.Scope.GLOBAL, b.variable(ga.target()).scope());
    }

    @Test
    void callsResolveToScriptFunctionsThenBuiltins() {
        CheckedProgram p = SemTesting.elaborate("function f(a) { return a }\nprobe begin { print(f(1)) }\nprobe end { exit() }");
        assertTrue(p.ok(), p.report());
        Expression.Call print = (Expression.Call) firstExpression(p.probes().get(0));
        Callee c = p.probes().get(0).callee((Expression.Call) print.args().get(0));
        assertInstanceOf(Callee.Script.class, c);
        assertSame(p.functions().get(0), ((Callee.Script) c).function());
        assertEquals("a", p.functions().get(0).params().get(0).name());
        Callee n = p.probes().get(1).callee((Expression.Call) firstExpression(p.probes().get(1)));
        assertEquals("exit", ((Callee.Native) n).builtin().name());
    }

    @Test
    void onlyReachableFunctionsAreKept() {
        CheckedProgram p = SemTesting.elaborate("function unused() { return 1 }\nfunction g() { return 2 }\n"
                + "function f() { return g() }\nprobe begin { print(f()) }");
        assertEquals(List.of("f", "g"), p.functions().stream().map(Unit::name).toList());
    }

    @Test
    void tapsetFunctionsAndTheirGlobalsAreLoadedTransitively() {
        CheckedProgram p = SemTesting.withLibrary("probe begin { print(read_stopwatch_us(\"x\")) }");
        assertTrue(p.ok(), p.report());
        assertEquals(List.of("read_stopwatch_us", "read_stopwatch_ns"), p.functions().stream().map(Unit::name).toList());
        assertEquals(1, p.tapsetFiles().size());
        assertTrue(p.tapsetFiles().get(0).endsWith("stopwatch.stp"));
        assertTrue(p.globals().stream().anyMatch(g -> g.name().equals("_stopwatch_acc")));
    }

    @Test
    void arraysMustBeDeclaredGlobals() {
        CheckedProgram p = SemTesting.elaborate("probe begin { x[1] = 1 }");
        assertEquals("unresolved arity-1 global array x, missing global declaration?", p.diagnostics().get(0).message());
    }

    @Test
    void arrayArityIsRecorded() {
        CheckedProgram p = SemTesting.elaborate("global a\nprobe begin { a[1, \"k\"] = 1; foreach ([i, j] in a) print(i) }");
        assertTrue(p.ok(), p.report());
        assertEquals(2, p.arity().get(p.globals().get(0)));
    }

    @Test
    void embeddedCodeIsNeverAccepted() {
        CheckedProgram p = SemTesting.elaborate("probe begin { print(%{ 1 %}) }");
        assertTrue(p.diagnostics().get(0).message().contains("stapvm never runs embedded C, even with -g (guru mode)"));
    }

    @Test
    void privateTapsetNamesAreVisibleOnlyInTheirFile() {
        org.stapvm.compiler.sema.tapset.TapsetPath path = org.stapvm.compiler.sema.tapset.TapsetPath.empty()
                .add(new org.stapvm.lang.SourceFile("lib.stp",
                        "private function helper() { return 1 }\nfunction api() { return helper() }"));
        CheckedProgram ok = SemTesting.elaborate("t.stp", "probe begin { print(api()) }", path, List.of());
        assertTrue(ok.ok(), ok.report());
        CheckedProgram ko = SemTesting.elaborate("t.stp", "probe begin { print(helper()) }", path, List.of());
        assertTrue(ko.diagnostics().get(0).message().startsWith("unresolved function helper"));
    }
}
