package org.stapvm.probes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stapvm.probes.symbols.ElfFixture;
import org.stapvm.probes.symbols.KernelSymbols;

/**
 * One wildcard matcher for every family with function patterns: the same glob selects the same
 * names from the same symbols, whether they come from a kallsyms file (kernel, module, kprobe) or
 * an ELF symbol table (process), as fnmatch(3) with no flags would. Fixtures only: no host symbols.
 */
class GlobAcrossFamiliesTest {
    /** The functions of both fixtures (fixtures/kallsyms lists them for the kernel and for module globmod). */
    private static final List<String> FUNCTIONS =
            List.of("__x64_sys_getpid", "a_getpid", "b_getpid", "ab", "c", "d", "*", "\\*");
    private static final Pattern NAME = Pattern.compile("\\.function\\(\"(.*)\"\\)");

    @TempDir
    static Path dir;
    private static ProbeTarget target;
    private static List<String> families;

    @BeforeAll
    static void fixtures() throws IOException, java.net.URISyntaxException {
        Path kallsyms = Path.of(GlobAcrossFamiliesTest.class.getResource("/fixtures/kallsyms").toURI());
        target = ProbeTarget.withKernelSymbols("", KernelSymbols.parse(Files.readAllLines(kallsyms), Set.of()));
        String elf = ElfFixture.write(dir.resolve("funcs"), FUNCTIONS).toRealPath().toString();
        families = List.of("kernel.function(\"PATTERN\")", "kernel.function(\"PATTERN\").return",
                "kprobe.function(\"PATTERN\")", "module(\"globmod\").function(\"PATTERN\")",
                "kernel.module(\"globmod\").function(\"PATTERN\").return",
                "process(\"" + elf + "\").function(\"PATTERN\")", "process(\"" + elf + "\").function(\"PATTERN\").return");
    }

    /** The function names {@code family} with {@code pattern} resolves to, sorted. */
    private static List<String> selected(String family, String pattern) {
        return Points.resolve(Points.withPattern(family, pattern), target).stream().map(s -> {
            Matcher m = NAME.matcher(s.descriptor());
            if (!m.find()) {
                throw new AssertionError(s.descriptor());
            }
            return m.group(1);
        }).sorted().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "[!a]*|* __x64_sys_getpid \\* b_getpid c d",
        "[a-c]*|a_getpid ab b_getpid c",
        "?|* c d",
        "\\*|*",
        "\\\\*|\\*",
        "*_getpid|__x64_sys_getpid a_getpid b_getpid",
        "[!a]*_getpid|__x64_sys_getpid b_getpid"})
    void sameGlobSameNamesInEveryFamily(String pattern, String expected) {
        List<String> want = Arrays.stream(expected.split(" ")).sorted().toList();
        for (String family : families) {
            assertEquals(want, selected(family, pattern), family + " with " + pattern);
        }
    }

    @Test
    void kernelFunctionBangClassMatchesTheSyscallEntry() {
        assertEquals(List.of("kernel.function(\"__x64_sys_getpid\")?", "kernel.function(\"b_getpid\")?"),
                Points.descriptors("kernel.function(\"[!a]*_getpid\")", target));
    }
}
