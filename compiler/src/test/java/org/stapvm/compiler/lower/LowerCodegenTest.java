package org.stapvm.compiler.lower;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.disasm.Disassembler;
import org.stapvm.compiler.module.Module;

/** Narrow codegen assertions: opcode sequences of the probe handler for a few constructs. */
class LowerCodegenTest {
    private static List<String> ops(String script) {
        Module m = LowerRunTest.compile(script);
        Module.Function f = m.functions().get(m.probes().get(0).handler());
        List<String> out = new ArrayList<>();
        for (int pc = 0; pc < f.code().length; pc++) {
            out.add(Disassembler.insn(m, f.code()[pc], pc).split(" ")[0]);
        }
        return out;
    }

    @Test
    void constantArithmeticIsFolded() {
        assertEquals(List.of("actchk", "ldi", "gset", "retv"), ops("global x probe begin { x = 2 * 3 + 4 }"));
    }

    @Test
    void constantConcatIsFolded() {
        assertEquals(List.of("actchk", "lds", "gsets", "retv"), ops("global s probe begin { s = \"a\" . \"b\" . \"c\" }"));
    }

    @Test
    void ifZeroAndCodeAfterNextAreDropped() {
        assertEquals(List.of("actchk", "retv", "retv"), ops("probe begin { if (0) { x = 1 } next; x = 2 }"));
    }

    @Test
    void logicalAndShortCircuits() {
        assertEquals(List.of("mov", "jz", "mov", "lnot", "lnot"),
                ops("global b probe begin { a = 1; b = a && a }").subList(3, 8));
    }

    @Test
    void boundedProbeIsCheckedOnceAndChargesNothing() {
        List<String> ops = ops("probe begin { a = 1; if (a) b = 2; c = 3 }");
        assertEquals("actchk", ops.get(0));
        assertTrue(!ops.contains("act"), ops.toString());
    }

    @Test
    void loopChargesPerStatementAsStap() {
        // for: init + the loop (2, spent at 'for'), then per iteration the test + the body (2, at the body)
        Module m = LowerRunTest.compile("global n probe begin { for (i = 0; i < 5; i++) n = i }");
        Module.Function f = m.functions().get(m.probes().get(0).handler());
        List<String> acts = new ArrayList<>();
        for (int pc = 0; pc < f.code().length; pc++) {
            String insn = Disassembler.insn(m, f.code()[pc], pc);
            if (insn.startsWith("act")) {
                acts.add(insn);
            }
        }
        assertEquals(List.of("act 2", "act 2", "act 1"), acts);
    }

    @Test
    void divisionHasSourceMap() {
        Module m = LowerRunTest.compile("global b probe begin { a = 1; b = 2 / a }");
        assertEquals(1, m.sourceMap().size());
        assertEquals("operator '/' at t.stp:1:37", m.strings().get(m.sourceMap().get(0).text()));
        String text = Disassembler.text(m);
        assertTrue(text.contains(".loc \"operator '/' at t.stp:1:37\"\n"), text);
        assertTrue(text.contains(".probe begin "), text);
    }

    @Test
    void timerDescriptor() {
        Module m = LowerRunTest.compile("probe timer.ms(100) { exit() }");
        Module.Probe p = m.probes().get(0);
        assertEquals("timer.ms(100)", m.strings().get(p.pp()));
        assertEquals(org.stapvm.probes.ProbeKind.TIMER.number, p.kind());
        assertEquals(100_000_000L, p.period());
        assertEquals(0, p.jitter());
        assertTrue(Disassembler.text(m).contains(".probe timer timer.ms(100) pp=\"timer.ms(100)\" period=100000000\n"),
                Disassembler.text(m));
    }

    private static List<String> opsOf(Module m, int function) {
        Module.Function f = m.functions().get(function);
        List<String> out = new ArrayList<>();
        for (int pc = 0; pc < f.code().length; pc++) {
            out.add(Disassembler.insn(m, f.code()[pc], pc));
        }
        return out;
    }

    @Test
    void entryOperandsBecomeAnEntryProgramAndSlotLoads() {
        Module m = LowerRunTest.compile("probe kprobe.function(\"ksys_write\").return { "
                + "printf(\"%d %s %d\\n\", @entry(uint_arg(3)), @entry(execname()), returnval()) }");
        assertEquals(1, m.entries().size());
        Module.EntryProgram e = m.entries().get(0);
        assertEquals(0, e.probe());
        assertEquals(8 + 512, e.dataSize(), "an int slot, then a MAXSTRINGLEN string slot");
        List<String> entry = opsOf(m, e.function());
        assertTrue(entry.contains("est r2, 0") && entry.contains("ests s0, 8"), entry.toString());
        List<String> handler = opsOf(m, m.probes().get(0).handler());
        assertTrue(handler.stream().anyMatch(x -> x.startsWith("eld ") && x.endsWith(", 0")), handler.toString());
        assertTrue(handler.stream().anyMatch(x -> x.startsWith("elds ") && x.endsWith(", 8")), handler.toString());
        assertTrue(Disassembler.text(m).contains(".entry 0 kprobe.function(\"ksys_write\").return.entry 520\n"),
                Disassembler.text(m));
    }

    @Test
    void returnProbeWithoutEntryHasNoEntryProgram() {
        assertTrue(LowerRunTest.compile("probe kprobe.function(\"ksys_write\").return { x = returnval(); println(x) }").entries().isEmpty());
    }
}
