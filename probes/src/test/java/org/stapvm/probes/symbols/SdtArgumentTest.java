package org.stapvm.probes.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SDT argument specs as <sys/sdt.h> writes them (gcc's operands at -O0 and -O2, python3.11's, libc's). */
class SdtArgumentTest {
    private static SdtArgument parse(String spec) throws Exception {
        return SdtArgument.parse(spec);
    }

    @Test
    void registersAndTheirParts() throws Exception {
        assertEquals(new SdtArgument(8, false, new SdtArgument.Register("rdi", 0, 64)), parse("8@%rdi"));
        assertEquals(new SdtArgument(4, true, new SdtArgument.Register("rax", 0, 32)), parse("-4@%eax"));
        assertEquals(new SdtArgument(4, true, new SdtArgument.Register("r15", 0, 32)), parse("-4@%r15d"));
        assertEquals(new SdtArgument(2, true, new SdtArgument.Register("rbx", 0, 16)), parse("-2@%bx"));
        assertEquals(new SdtArgument(1, true, new SdtArgument.Register("rsi", 0, 8)), parse("-1@%sil"));
        assertEquals(new SdtArgument(1, false, new SdtArgument.Register("rax", 8, 8)), parse("1@%ah"));
        assertEquals(new SdtArgument(8, false, new SdtArgument.Register("rax", 0, 32)), parse("%eax"));
    }

    @Test
    void memoryAndImmediates() throws Exception {
        assertEquals(new SdtArgument(4, true, new SdtArgument.Memory("rbp", null, 1, -20)), parse("-4@-20(%rbp)"));
        assertEquals(new SdtArgument(4, true, new SdtArgument.Memory("rsp", null, 1, 112)), parse("-4@112(%rsp)"));
        assertEquals(new SdtArgument(8, false, new SdtArgument.Memory("rdi", null, 1, 0)), parse("8@(%rdi)"));
        assertEquals(new SdtArgument(8, false, new SdtArgument.Memory("rax", "rcx", 4, 16)), parse("8@0x10(%rax,%rcx,4)"));
        assertEquals(new SdtArgument(4, true, new SdtArgument.Immediate(-5)), parse("-4@$-5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3@%rax|unsupported SDT argument size 3 in '3@%rax'",
        "8@%xmm0|unknown register '%xmm0' in SDT argument '8@%xmm0'",
        "8@8(%eax)|unknown register '%eax' in SDT argument '8@8(%eax)'",
        "8@counter(%rip)|cannot decode SDT argument '8@counter(%rip)'",
        "8@16(%rip)|cannot decode SDT argument '8@16(%rip)' (a %rip-relative operand)",
        "4@$sym|cannot decode SDT argument '4@$sym' (a symbolic immediate)"})
    void specsStapvmCannotReadSayWhich(String spec, String message) {
        assertEquals(message, assertThrows(SdtArgument.BadSpec.class, () -> SdtArgument.parse(spec)).getMessage());
    }
}
