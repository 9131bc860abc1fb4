package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * process("P").plt["(NAME)"] from the stapvm command on the userspace runtime: targets/inlines.c built -O2 with
 * a plain .plt and with IBT's .plt.sec. Each stub fires once per call the program makes through it
 * (4 rounds: printf 5 times, puts and atoi's strtol once); pp() names the stub by address and -l by name,
 * as stap 4.8; $$name is the imported function.
 */
class PltProbeCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTargets() throws Exception {
        String src = TestTargets.resource("inlines.c");
        TestTargets.gcc(build, "plt", src);
        TestTargets.gcc(build, "plt_sec", src, "-fcf-protection", "-Wl,-z,ibtplt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plt", "plt_sec"})
    void everyCallThroughAStubHitsIt(String variant) throws Exception {
        Path target = build.resolve(variant);
        String p = "process(\"" + target + "\")";
        Result r = new StapvmCommand(tmp).run("-c", target + " 4", "-e", "global n, at probe " + p + ".plt { n[$$name]++; "
                + "at[$$name] = pp() } probe " + p + ".plt(\"pu*\") { printf(\"V %s\\n\", $$name) } "
                + "probe end { foreach (f+ in n) printf(\"V %s %d %s\\n\", f, n[f], at[f]) }");
        assertEquals(0, r.exitCode(), r.stderr());
        List<String> v = r.stdout().lines().filter(l -> l.startsWith("V ")).map(l -> l.substring(2)).toList();
        assertEquals(List.of("puts", "printf 5", "puts 1", "strtol 1"),
                v.stream().map(l -> l.replaceFirst(" process\\(.*$", "")).toList());
        for (String l : v.subList(1, v.size())) {
            assertTrue(l.matches("\\w+ \\d+ " + java.util.regex.Pattern.quote(p) + "\\.statement\\(0x[0-9a-f]+\\)"), l);
        }
        assertEquals(TestTargets.untraced(target, "4").lines().toList(),
                r.stdout().lines().filter(l -> !l.startsWith("V ")).toList());
        Result l = new StapvmCommand(tmp).run("-l", p + ".plt(\"p*\")");
        assertEquals(0, l.exitCode(), l.stderr());
        assertEquals(p + ".plt(\"printf\")\n" + p + ".plt(\"puts\")\n", l.stdout());
        Result none = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".plt(\"nosuch\") { }");
        assertEquals(1, none.exitCode());
        assertTrue(none.stderr().contains("semantic error: no match (similar functions: puts, printf, strtol)"), none.stderr());
    }
}
