package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * User stacks by call frame information, from the stapvm command: a target built without frame
 * pointers, where a frame-pointer walk shows one frame. Each caller frame must be the return address
 * of its call instruction, as objdump shows the code.
 */
class UserStackCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    static Path chain;

    @BeforeAll
    static void buildTarget() throws Exception {
        chain = TestTargets.gcc(build, "nofp_chain", TestTargets.resource("nofp_chain.c"), "-fomit-frame-pointer");
    }

    /** "F+0xOFF" of the instructions after the calls of {@code callee} inside {@code caller}, from objdump. */
    private static List<String> returnSites(String caller, String callee) throws Exception {
        Process p = new ProcessBuilder("objdump", "-d", "--no-show-raw-insn", chain.toString()).start();
        String text = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor());
        Matcher fn = Pattern.compile("(?m)^([0-9a-f]+) <" + Pattern.quote(caller) + ">:\n((?:.+\n)+)").matcher(text);
        assertTrue(fn.find(), caller);
        long start = Long.parseLong(fn.group(1), 16);
        String[] lines = fn.group(2).split("\n");
        List<String> sites = new ArrayList<>();
        for (int i = 0; i + 1 < lines.length; i++) {
            if (lines[i].matches(".*\\scall\\s+[0-9a-f]+ <" + Pattern.quote(callee) + ">")) {
                long next = Long.parseLong(lines[i + 1].trim().split(":")[0], 16);
                sites.add(caller + "+0x" + Long.toHexString(next - start));
            }
        }
        assertTrue(!sites.isEmpty(), "no call of " + callee + " in " + caller);
        return sites;
    }

    /** The "F+0xOFF" of each " 0xADDR : F+0xOFF/0xSIZE [PATH]" line, "?" for a line without a symbol. */
    private static List<String> frames(String out) {
        List<String> f = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (line.startsWith(" 0x")) {
                Matcher m = Pattern.compile(" : (\\S+)/0x[0-9a-f]+ \\[").matcher(line);
                f.add(m.find() ? m.group(1) : "?");
            }
        }
        return f;
    }

    @Test
    void printUbacktraceListsEveryCallerOfCodeWithoutFramePointers() throws Exception {
        Result r = new StapvmCommand(tmp).run("-c", chain + " 1", "-e",
                "probe process(\"" + chain + "\").function(\"inner\") { print_ubacktrace() printf(\"BT %s\\n\", ubacktrace()) }");
        assertEquals("", r.stderr());
        List<String> f = frames(r.stdout());
        assertTrue(f.size() >= 4 && f.get(0).equals("inner+0x0"), r.stdout());
        assertTrue(returnSites("middle", "inner").contains(f.get(1)), r.stdout());
        assertTrue(returnSites("outer", "middle").contains(f.get(2)), r.stdout());
        assertTrue(returnSites("main", "outer").contains(f.get(3)), r.stdout());
        // libc's __libc_start_call_main has no rows without --ldd: the walk ends in it, as stap's
        assertEquals(5, f.size(), r.stdout());
        // ubacktrace() is the same walk: the addresses print_ubacktrace printed
        StringBuilder want = new StringBuilder();
        for (String line : r.stdout().split("\n")) {
            if (line.startsWith(" 0x")) {
                want.append(line.trim().split(" ")[0]).append(' ');
            }
        }
        assertTrue(r.stdout().contains("BT " + want + "\n"), r.stdout());
    }

    @Test
    void lddAddsTheSharedLibrariesRows() throws Exception {
        Result r = new StapvmCommand(tmp).run("--ldd", "-c", chain + " 1", "-e",
                "probe process(\"" + chain + "\").function(\"inner\") { print_ubacktrace() }");
        assertEquals("", r.stderr());
        List<String> f = frames(r.stdout());
        assertEquals(7, f.size(), r.stdout());
        assertTrue(f.get(5).startsWith("__libc_start_main+"), r.stdout());
        assertTrue(f.get(6).startsWith("_start+"), r.stdout());
    }

    @Test
    void aModuleWithoutUnwindDataIsAWarning() throws Exception {
        Result r = new StapvmCommand(tmp).run("-d", tmp.resolve("nosuch").toString(), "-p4", "-e",
                "probe process(\"" + chain + "\").function(\"inner\") { print_ubacktrace() }");
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stderr().startsWith("WARNING: cannot find module " + tmp.resolve("nosuch") + " unwind data: cannot open "),
                r.stderr());
    }
}
