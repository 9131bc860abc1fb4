package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * Userspace $vars from DWARF, from the stapvm command: runtime-native/dwarf/tests/target.c (structs with
 * bitfields, a linked list) built -g at -O0 (stack slots, frame base) and -O2 (registers, location
 * lists). Every parameter, member and return value the script prints equals what the program prints
 * at that point, line for line.
 */
class DwarfTargetsCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    @BeforeAll
    static void buildTargets() throws Exception {
        String src = Files.readString(StapvmCommand.ROOT.resolve("runtime-native/dwarf/tests/target.c"));
        TestTargets.gcc(build, "t_O0", src, "-O0", "-g");
        TestTargets.gcc(build, "t_O2", src, "-g");
    }

    private static String untraced(Path target) throws Exception {
        return TestTargets.untraced(target, "3");
    }

    /** The lines of out that start with "T ", without it. */
    private static List<String> traced(String out) {
        List<String> t = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith("T ")) {
                t.add(line.substring(2));
            }
        }
        return t;
    }

    private Result run(Path target, String script) throws Exception {
        return new StapvmCommand(tmp).run("-c", target + " 3", "-e", script.replace("P", "process(\"" + target + "\")"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t_O0", "t_O2"})
    void parametersMembersAndReturnValuesAreWhatTheProgramSees(String variant) throws Exception {
        Path target = build.resolve(variant);
        Result r = run(target, "probe P.function(\"walk\").return { printf(\"T walk %d %d %d %d\\nT = %d\\n\", "
                + "$head->value, $head->next->value, $limit, $return, $return) } "
                + "probe P.function(\"score\") { printf(\"T score %d %d %u %u %s %d\\n\", $p->x, $p->y, $p->flags, $p->wide, "
                + "user_string($p->label), $bonus) } "
                + "probe P.function(\"score\").return { printf(\"T = %d\\n\", $return) }");
        // stap warns of each parameter the .return probe reads: its value is the one saved at entry
        assertEquals(List.of("$head->value", "$head->next->value", "$limit"),
                r.stderr().lines().filter(l -> l.startsWith("WARNING: "))
                        .map(l -> l.replaceFirst("^WARNING: confusing usage, value is captured as @entry\\((.*)\\) in \\.return probe "
                                + "\\[man stapprobes\\] RETURN PROBES: identifier '\\$\\w+' at .*$", "$1"))
                        .toList());
        assertEquals(0, r.exitCode());
        assertEquals(Arrays.asList(untraced(target).split("\n")), traced(r.stdout()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"t_O0", "t_O2"})
    void parmsAfterThePrologue(String variant) throws Exception {
        Path target = build.resolve(variant);
        Result r = run(target, "probe P.function(\"walk\") { printf(\"T %s|%d|%d\\n\", $$parms, &$head->next - $head, "
                + "$head->next->where->x) }");
        assertEquals("", r.stderr());
        List<String> t = traced(r.stdout());
        assertEquals(3, t.size(), r.stdout());
        for (int i = 0; i < 3; i++) {
            assertTrue(t.get(i).matches("head=0x[0-9a-f]+ limit=0x" + (i + 1) + "\\|8\\|3"), t.get(i));
        }
    }

    @Test
    void listingAndFileQualifiedNamesAreStaps() throws Exception {
        Path target = build.resolve("t_O2");
        String src = build.resolve("t_O2.c").toString(); // TestTargets.gcc compiles a copy named after the target
        String p = "process(\"" + target + "\")";
        Result l = new StapvmCommand(tmp).run("-L", p + ".function(\"*@" + build.getFileName() + "/t_O2.c\")");
        assertEquals(p + ".function(\"main@" + src + ":28\") $argc:int $argv:char** $pts:struct point[]\n"
                + p + ".function(\"score@" + src + ":21\") $p:struct point* $bonus:int\n"
                + p + ".function(\"walk@" + src + ":9\") $head:struct node* $limit:int $sum:long int $count:int\n", l.stdout());
        Result r = new StapvmCommand(tmp).run("-L", p + ".function(\"walk@t_O2.c:9\").return");
        assertEquals(p + ".function(\"walk@" + src + ":9\").return $return:long int $head:struct node* $limit:int\n", r.stdout());
        Result none = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".function(\"walk@other.c\") {}");
        assertTrue(none.stderr().contains("semantic error: no match"), none.stderr());
        Result pp = run(target, "probe P.function(\"score@*.c\") { printf(\"T %s %s\\n\", pp(), probefunc()) }");
        assertEquals(List.of(p + ".function(\"score@" + src + ":21\") score", p + ".function(\"score@" + src + ":21\") score"),
                traced(pp.stdout()));
    }

    @Test
    void statementsByLineSeeTheLocalsOfTheirLine() throws Exception {
        Path target = build.resolve("t_O0");
        String src = build.resolve("t_O0.c").toString();
        String p = "process(\"" + target + "\")";
        Result l = new StapvmCommand(tmp).run("-l", p + ".statement(\"walk@*:*\")");
        StringBuilder want = new StringBuilder();
        for (int line : new int[] {10, 11, 12, 13, 14, 15, 17, 18, 19}) { // as stap 4.8 lists them (16 is a brace)
            want.append(p).append(".statement(\"walk@").append(src).append(':').append(line).append("\")\n");
        }
        assertEquals(want.toString(), l.stdout());
        // line 14, "sum += n->value;": each iteration of each walk(head, limit) call, before it adds
        Result r = run(target, "probe P.statement(\"walk@t_O0.c:14\") { printf(\"T %d %d %d %d\\n\", $limit, $n->value, $sum, $count) }");
        assertEquals(List.of("1 11 0 0", "2 11 0 0", "2 22 11 1", "3 11 0 0", "3 22 11 1", "3 33 33 2"), traced(r.stdout()));
        assertEquals(new Result(r.stdout(), "", 0), r);
    }

    @Test
    void errorsNameTheAlternatives() throws Exception {
        Path target = build.resolve("t_O2");
        Result r = new StapvmCommand(tmp).run("-p2", "-e", "probe process(\"" + target + "\").function(\"score\") { println($nope) }");
        assertTrue(r.stderr().startsWith("semantic error: unable to find local 'nope', [man error::dwarf] dieoffset 0x"), r.stderr());
        assertTrue(r.stderr().contains(" in " + target + ", near pc 0x"), r.stderr());
        assertTrue(r.stderr().contains("(alternatives: $p, $s, $bonus)): identifier '$nope' at <input>:1:"), r.stderr());
        Result ret = new StapvmCommand(tmp).run("-p2", "-e", "probe process(\"" + target + "\").function(\"score\") { println($return) }");
        assertTrue(ret.stderr().startsWith("semantic error: unable to find local 'return'"), ret.stderr());
        Result member = new StapvmCommand(tmp).run("-p2", "-e", "probe process(\"" + target + "\").function(\"score\") { println($p->z) }");
        assertTrue(member.stderr().startsWith("semantic error: unable to find member 'z' for struct point (alternatives: "),
                member.stderr());
    }

    /** Runs `cmd` (objcopy, readelf), failing the test when it fails; its stdout. */
    private static String tool(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), String.join(" ", cmd) + ": " + out);
        return out;
    }

    @Test
    void debugInformationFromTheBuildIdFileUnderADebugRoot() throws Exception {
        // t_O2 stripped of its DWARF, which sits where Debian's -dbgsym packages put it
        Path target = build.resolve("t_O2");
        Path stripped = tmp.resolve("t_stripped");
        String id = tool("readelf", "-n", target.toString()).replaceAll("(?s).*Build ID: ([0-9a-f]+).*", "$1");
        Path root = tmp.resolve("debug");
        Path file = root.resolve(".build-id/" + id.substring(0, 2) + "/" + id.substring(2) + ".debug");
        Files.createDirectories(file.getParent());
        tool("objcopy", "--only-keep-debug", target.toString(), file.toString());
        tool("objcopy", "--strip-debug", target.toString(), stripped.toString());
        String p = "process(\"" + stripped + "\")";
        String src = build.resolve("t_O2.c").toString();
        ProcessBuilder pb = new StapvmCommand(tmp).builder(List.of("-c", stripped + " 3", "-e",
                "probe " + p + ".function(\"score\") { printf(\"T %s %d %d\\n\", pp(), $p->x, $bonus) }"));
        pb.environment().put("SYSTEMTAP_DEBUGINFO_PATH", root.toString());
        Result r = new StapvmCommand(tmp).finish(pb.start());
        assertEquals("", r.stderr());
        List<String> want = new ArrayList<>();
        for (String line : untraced(target).split("\n")) {
            if (line.startsWith("score ")) {
                String[] f = line.split(" ");
                want.add(p + ".function(\"score@" + src + ":21\") " + f[1] + " " + f[6]);
            }
        }
        assertEquals(want, traced(r.stdout()));
        // without the debug root there is no DWARF: $p is unknown, as for stap
        Result none = new StapvmCommand(tmp).run("-p2", "-e", "probe " + p + ".function(\"score\") { println($p) }");
        assertTrue(none.stderr().startsWith("semantic error: "), none.stderr());
    }
}
