package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.print.AstPrinter;
import org.stapvm.lang.diag.Diagnostic;

/**
 * kernel.trace targets from the running kernel's BTF: arguments by position, member chains,
 * $$name, $$parms as stap formats them, and stap's errors. Offsets are the kernel's: checked by shape.
 */
class TracepointTargetsTest {
    @BeforeAll
    static void needsBtf() {
        assumeTrue(Files.isReadable(Path.of("/sys/kernel/btf/vmlinux")), "the running kernel has no BTF");
    }

    private static List<String> meanings(String script) {
        CheckedProgram p = SemTesting.elaborate(script);
        assertEquals(List.of(), errors(p));
        Unit u = p.probes().get(0);
        List<String> out = new ArrayList<>();
        new AstWalker() {
            @Override
            public Void visitTarget(Expression.Target t) {
                out.add(AstPrinter.print(u.target(t)));
                return null;
            }
        }.walk(u.body());
        return out;
    }

    private static List<String> errors(CheckedProgram p) {
        return p.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
    }

    @Test
    void argumentsByPositionNarrowedAndFollowed() {
        List<String> m = meanings("probe kernel.trace(\"sched_switch\") { println($preempt, $next->pid, $$name) }");
        assertEquals("_tracepoint_arg(1) & 255", m.get(0));
        assertTrue(m.get(1).startsWith("_target_deref(_tracepoint_arg(3) + "), m.get(1));
        assertTrue(m.get(1).endsWith(", 18446744073709551612)"), m.get(1)); // -4: a signed 4-byte read
        assertEquals("\"sched_switch\"", m.get(2));
    }

    @Test
    void parmsWithPointersAsPercentP() {
        assertEquals(List.of("sprintf(\"regs=%p id=%#x\", _tracepoint_arg(1), _tracepoint_arg(2))"),
                meanings("probe kernel.trace(\"sys_enter\") { println($$parms) }"));
        assertEquals(List.of("sprintf(\"regs=%s id=%s\", sprintf(\"{.r15=%u"),
                meanings("probe kernel.trace(\"sys_enter\") { println($$parms$) }").stream()
                        .map(s -> s.substring(0, s.indexOf("{.r15=%u") + 8)).toList());
    }

    @Test
    void stapsErrors() {
        assertEquals("unable to find tracepoint variable '$idd' (alternatives: $id, $regs, $$name, $$vars, $$parms)",
                errors(SemTesting.elaborate("probe kernel.trace(\"sys_enter\") { println($idd) }")).get(0));
        assertEquals("cannot take address of tracepoint variable",
                errors(SemTesting.elaborate("probe kernel.trace(\"sys_enter\") { println(&$id) }")).get(0));
    }
}
