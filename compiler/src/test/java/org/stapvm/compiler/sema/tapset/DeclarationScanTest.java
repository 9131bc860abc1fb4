package org.stapvm.compiler.sema.tapset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.SourceFile;

/** The token scan that indexes tapset files without parsing them: what it lists, and where it gives up. */
class DeclarationScanTest {
    private static DeclarationScan.Names scan(String text) {
        return DeclarationScan.of(new SourceFile("t.stp", text));
    }

    @Test
    void listsFunctionsGlobalsAndAliasNames() {
        DeclarationScan.Names n = scan("""
                global a, b[10], c = 1
                private global d
                function f:long(x:long) { if (x) { return 1 } return 2 }
                private function g(s) { return s }
                probe syscall.openat, nd_syscall.openat = kprobe.function("x") ? { name = "openat" }
                probe foo.bar("p").* += process("x").syscall { }, { epilogue = 1 }
                probe begin { println("not an alias") }
                probe timer.s(1) if (a) { }
                %{ embedded %}
                """);
        assertEquals(List.of("f", "g"), n.functions());
        assertEquals(List.of("a", "b", "c", "d"), n.globals());
        assertEquals(List.of("syscall.openat", "nd_syscall.openat", "foo.bar.*"), n.aliases());
    }

    @Test
    void givesUpWhereOnlyAParseCanTell() {
        assertNull(scan("%( kernel_v > \"2.6\" %? function f() { } %)"));
        assertNull(scan("function f() %( arch == \"x86_64\" %? { } %: { } %)"));
        assertNull(scan("@define m %( 1 %)\nfunction f() { }"));
        assertNull(scan("function f() {"));
    }
}
