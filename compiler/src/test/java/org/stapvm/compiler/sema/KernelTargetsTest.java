package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * Kernel $vars and @cast from the running kernel's BTF (/sys/kernel/btf/vmlinux): what each stands
 * for, and stap's errors. Offsets are the kernel's, so they are checked by shape, not by number.
 */
class KernelTargetsTest {

    @BeforeAll
    static void needsBtf() {
        assumeTrue(Files.isReadable(Path.of("/sys/kernel/btf/vmlinux")), "the running kernel has no BTF");
        assumeTrue(Files.isReadable(Path.of("/proc/kallsyms")), "no kallsyms");
    }

    private static List<String> errors(String script) {
        List<String> out = new ArrayList<>();
        for (Diagnostic d : SemTesting.elaborate(script).diagnostics()) {
            if (d.isError()) {
                out.add(d.message() + (d.token() == null ? "" : ": " + d.token()));
            }
        }
        return out;
    }

    /** The expression each target of the first probe stands for, printed. */
    private static List<String> meanings(String script) {
        assertEquals(List.of(), errors(script));
        return meanings(SemTesting.elaborate(script));
    }

    /** The same in a program elaborated already (with the library: targets that call its functions). */
    private static List<String> meanings(CheckedProgram p) {
        assertEquals(List.of(), p.diagnostics().stream().filter(Diagnostic::isError).toList());
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

    @Test
    void parametersAreArgumentRegistersNarrowedToTheirType() {
        assertEquals(List.of("long_arg(1)", "long_arg(3)"),
                meanings("probe kernel.function(\"vfs_read\") { println($file, $count) }"));
        assertEquals(List.of("(long_arg(1) & 4294967295 ^ 2147483648) - 2147483648"),
                meanings("probe kernel.function(\"do_sys_openat2\") { println($dfd) }"));
    }

    /** tcp_setsockopt(sk, level, optname, sockptr_t optval, optlen): the 16-byte optval takes two registers. */
    @Test
    void aStructOfTwoEightbytesTakesTwoRegisters() {
        assertEquals(List.of("(long_arg(3) & 4294967295 ^ 2147483648) - 2147483648",
                        "long_arg(6) & 4294967295"),
                meanings("probe kernel.function(\"tcp_setsockopt\") { println($optname, $optlen) }"));
        assertEquals(List.of("sprintf(\"sk=%#x level=%#x optname=%#x optval={...} optlen=%#x\", long_arg(1), "
                        + "(long_arg(2) & 4294967295 ^ 2147483648) - 2147483648, (long_arg(3) & 4294967295 ^ 2147483648) - 2147483648, "
                        + "long_arg(6) & 4294967295)"),
                meanings("probe kernel.function(\"tcp_setsockopt\") { println($$parms) }"));
    }

    @Test
    void memberChainsReadKernelMemory() {
        List<String> m = meanings("probe kernel.function(\"do_sys_openat2\") { println($how->flags, &$how->mode) }");
        assertEquals("_target_deref(long_arg(3), 8)", m.get(0)); // flags is open_how's first member, a __u64
        assertEquals("long_arg(3) + 8", m.get(1));
    }

    @Test
    void returnProbesSeeParametersAtEntry() {
        assertEquals(List.of("(returnval() & 4294967295 ^ 2147483648) - 2147483648", "@entry(long_arg(2))"),
                meanings("probe kernel.function(\"do_sys_openat2\").return { println($return, $filename) }"));
    }

    @Test
    void parmsAsStapFormatsThem() {
        assertEquals(List.of("sprintf(\"file=%#x buf=%#x count=%#x pos=%#x\", long_arg(1), long_arg(2), long_arg(3), long_arg(4))"),
                meanings("probe kernel.function(\"vfs_read\") { println($$parms) }"));
    }

    /** dwarf_pretty_print's formats: a structure's members, a string, and $$parms$ of both. */
    @Test
    void prettyPrintedAsStapPrintsThem() {
        assertEquals(List.of("sprintf(\"{.flags=%u, .mode=%u, .resolve=%u}\", _target_deref(long_arg(3), 8), "
                        + "_target_deref(long_arg(3) + 8, 8), _target_deref(long_arg(3) + 16, 8))"),
                meanings("probe kernel.function(\"do_sys_openat2\") { println($how$) }"));
        assertEquals(List.of("sprintf(\"%s\", kernel_or_user_string_quoted(long_arg(2)))"), meanings(
                SemTesting.withLibrary("probe kernel.function(\"do_sys_openat2\") { println($filename$) }")));
        String parms = meanings(SemTesting.withLibrary("probe kernel.function(\"do_sys_openat2\") { println($$parms$) }")).get(0);
        assertEquals("sprintf(\"dfd=%s filename=%s how=%s\", sprintf(\"%i\"", parms.substring(0, parms.indexOf(',') + 14));
        assertEquals(List.of("sprintf(\"{.flags=%u, .mode=%u, .resolve=%u}\", _target_deref(0, 8), _target_deref(0 + 8, 8), "
                        + "_target_deref(0 + 16, 8))"),
                meanings("probe begin { println(@cast(0, \"open_how\")$) }"));
    }

    @Test
    void castNamesAStructOfTheKernel() {
        List<String> m = meanings("probe kernel.function(\"vfs_read\") { println(@cast($file, \"file\", \"kernel\")->f_flags) }");
        assertEquals(1, m.size());
        assertEquals(true, m.get(0).startsWith("_target_deref($file + "), m.get(0));
        assertEquals(true, m.get(0).endsWith(", 4)"), m.get(0)); // unsigned int f_flags
    }

    /** As stap (4.8 -p2 accepts both): a @cast's first [i] is element i of an array of the struct (sizeof iovec: 16). */
    @Test
    void aCastIndexedFirstIsAnArrayOfTheStruct() {
        assertEquals(List.of("0 + 32", "_target_deref(0 + 16 + 8, 8)"),
                meanings("probe begin { println(&@cast(0, \"iovec\", \"kernel\")[2], @cast(0, \"iovec\", \"kernel\")[1]->iov_len) }"));
    }

    @Test
    void unknownNamesListTheAlternatives() {
        assertEquals("unable to find local 'nosuch' in vfs_read (alternatives: $buf, $count, $pos, $file)"
                        + " (BTF describes parameters only; locals need DWARF): identifier '$nosuch'",
                errors("probe kernel.function(\"vfs_read\") { println($nosuch) }").get(0));
        assertEquals("unable to find member 'nosuch' for struct open_how (alternatives: mode, flags, resolve): operator '->'",
                errors("probe kernel.function(\"do_sys_openat2\") { println($how->nosuch) }").get(0));
        assertEquals("invalid access '->x' vs. int: operator '->'",
                errors("probe kernel.function(\"do_sys_openat2\") { println($dfd->x) }").get(0));
        assertEquals("'struct open_how' is being accessed instead of a member: identifier '$how'",
                errors("probe kernel.function(\"do_sys_openat2\") { println($how[0]) }").get(0));
        assertEquals("type definition 'no_such_type' not found in 'kernel': operator '@cast'",
                errors("probe begin { println(@cast(0, \"no_such_type\")->x) }").get(0));
    }

    /** The first error as stap places it: the token and its column. */
    private static String placed(String script) {
        for (Diagnostic d : SemTesting.elaborate(script).diagnostics()) {
            if (d.isError()) {
                return d.token() + " at " + d.pos().column();
            }
        }
        return null;
    }

    @Test
    void chainErrorsArePlacedAtTheFailingStep() {
        // stap 4.8 (-r 6.1.0-57-amd64, with debuginfo): "invalid access '->x' vs. long long int: operator '->' at <input>:1:57"
        String chain = "probe kernel.function(\"vfs_read\") { println($file->f_pos->x) }";
        assertEquals("invalid access '->x' vs. long long int: operator '->'", errors(chain).get(0));
        assertEquals("operator '->' at 57", placed(chain));
        // stap names no token for an index into a struct: the target's own is reported
        String index = "probe kernel.function(\"vfs_read\") { println($file->f_path[1]) }";
        assertEquals("invalid access '[1]' for struct path: identifier '$file'", errors(index).get(0));
        assertEquals("identifier '$file' at 45", placed(index));
        assertEquals("operator '->' at 58", placed("probe kernel.function(\"vfs_read\") { println($file->f_path->nosuch) }"));
    }

    @Test
    void localsNeedDwarf() {
        assertEquals("$$locals needs the kernel's DWARF debuginfo: stapvm reads kernel function parameters from BTF,"
                        + " which has no local variables: identifier '$$locals'",
                errors("probe kernel.function(\"vfs_read\") { println($$locals) }").get(0));
    }

    @Test
    void definedRulesOutTheBranchThatDoesNotResolve() {
        assertEquals(List.of(), errors("probe kernel.function(\"vfs_read\") {"
                + " println(@defined($nosuch) ? $nosuch : 7, @defined($count->x) ? 1 : 2)"
                + " if (!@defined($file->nosuch)) println($count) else println($file->nosuch) }"));
        assertEquals(List.of(), errors("probe begin { println(@defined($x) ? $x : 0) }"));
    }
}
