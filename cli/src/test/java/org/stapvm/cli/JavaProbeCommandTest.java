package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * java() probes from the stapvm command on the userspace runtime, in a running JVM
 * (targets/java/Calls.java): each "go" it reads runs one round of known calls. Entry and .return
 * hits are exact, arg1.. and $return are what the program prints, exceptions count at .return,
 * '^' reaches the overriding subclass, a :LINE probe fires at its line; the program prints the
 * same with and without a session; a second session attaches again and sees only its own method
 * (the first session's rewriting is gone: the same slot would fire for it otherwise).
 */
class JavaProbeCommandTest {
    @TempDir
    static Path classes;

    @TempDir
    Path tmp;

    private static Process jvm;
    private static OutputStream toJvm;
    private static final BlockingQueue<String> fromJvm = new LinkedBlockingQueue<>();
    private static List<String> untracedRound;
    /** The line of greet() that calls area(), as the program's source has it. */
    private static int areaLine;

    @BeforeAll
    static void startJvm() throws Exception {
        Path src = classes.resolve("Calls.java");
        Files.writeString(src, TestTargets.resource("java/Calls.java"));
        areaLine = Files.readAllLines(src).indexOf("        text = text + \" \" + s.area();") + 1;
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-d", classes.toString(), src.toString()));
        Path plugins = classes.resolve("plugins");   // not on the class path: the program loads it with a loader of its own
        Path plugin = classes.resolve("Circle.java");
        Files.writeString(plugin, TestTargets.resource("java/plugin/Circle.java"));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-g", "-cp", classes.toString(),
                "-d", plugins.toString(), plugin.toString()));
        jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcalls.plugins=" + plugins, "-cp", classes.toString(), "calls.Calls").redirectErrorStream(true).start();
        toJvm = jvm.getOutputStream();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    fromJvm.add(line);
                }
            } catch (java.io.IOException e) {
                // the JVM ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        assertEquals("ready", fromJvm.poll(30, TimeUnit.SECONDS));
        untracedRound = round();
    }

    @AfterAll
    static void stopJvm() throws Exception {
        if (jvm != null) {
            toJvm.write("quit\n".getBytes(StandardCharsets.UTF_8));
            toJvm.flush();
            if (!jvm.waitFor(10, TimeUnit.SECONDS)) {
                jvm.destroyForcibly();
            }
        }
    }

    /** Runs one round in the JVM: its lines up to "done". */
    private static List<String> round() throws Exception {
        return round("go");
    }

    /** Runs one round of {@code command} ("go" or "late") in the JVM: its lines up to "done". */
    private static List<String> round(String command) throws Exception {
        toJvm.write((command + "\n").getBytes(StandardCharsets.UTF_8));
        toJvm.flush();
        List<String> lines = new ArrayList<>();
        for (String line; !(line = fromJvm.poll(30, TimeUnit.SECONDS)).equals("done"); ) {
            lines.add(line);
        }
        return lines;
    }

    /**
     * A session of {@code script} (with a timer probe printing "armed" once the probes are placed,
     * and exit() when the round ends) over one round, which must print what it prints untraced.
     */
    private Result session(String script) throws Exception {
        return session(script, "go", untracedRound);
    }

    /** {@link #session(String)} over a round of {@code command}, which must print {@code untraced}. */
    private Result session(String script, String command, List<String> untraced) throws Exception {
        String full = ("global armed probe timer.ms(50) { if (!armed) { armed = 1; println(\"armed\") } }\n"
                + "probe java(\"Calls\").class(\"calls.Calls\").method(\"round\").return { exit() }\n" + script)
                .replace("java(\"Calls\")", "java(" + jvm.pid() + ")");   // the test's JVM, whatever else runs
        StapvmCommand cmd = new StapvmCommand(tmp);
        Process stapvm = cmd.builder(List.of("-e", full)).start();
        Path out = tmp.resolve("out");
        for (int i = 0; i < 600 && stapvm.isAlive() && !(Files.exists(out) && Files.readString(out).startsWith("armed\n")); i++) {
            Thread.sleep(100);
        }
        if (stapvm.isAlive()) {
            assertEquals(untraced, round(command));
        }
        return cmd.finish(stapvm);
    }

    @Test
    void entriesReturnsExceptionsAndLinesAreExact() throws Exception {
        Result r = session("probe java(\"Calls\").class(\"Calls\").method(\"add(int,int)\") { printf(\"add(%s, %s)\\n\", arg1, arg2) }\n"
                + "probe java(\"Calls\").class(\"Calls\").method(\"add(int,int)\").return { printf(\"add -> %s\\n\", user_string($return)) }\n"
                + "global thrown probe java(\"Calls\").class(\"Calls\").method(\"check\").return { r = user_string($return) if (r == \"\") thrown++ printf(\"check(%s) -> '%s'\\n\", arg1, r) }\n"
                + "probe java(\"Calls\").class(\"^calls.Calls$Shape\").method(\"area\").return { printf(\"area %s\\n\", user_string($return)) }\n"
                + "probe java(\"Calls\").class(\"Calls\").method(\"greet(String,Shape):" + areaLine + "\") { printf(\"line %s %s\\n\", arg1, arg2) }\n"
                + "probe end { printf(\"thrown %d\\n\", thrown) }\n");
        assertEquals(new Result("armed\n"
                + "add(1, 10)\nadd -> 11\nadd(2, 20)\nadd -> 22\nadd(3, 30)\nadd -> 33\nadd(4, 40)\nadd -> 44\nadd(5, 50)\nadd -> 55\n"
                + "line world Square(3)\narea 9\nline base Shape\narea 0\n"
                + "check(1) -> ''\ncheck(2) -> '1'\ncheck(3) -> ''\ncheck(4) -> '2'\nthrown 2\n", "", 0), r);
    }

    /**
     * Classes the compiler never saw: plugin.Circle is loaded after the session started, by a class
     * loader of its own each round, and Calls$Triangle by the application's loader. The '^' point
     * reaches their overriding area(); an optional point on a class not loaded yet waits for it;
     * after the session Triangle's rewriting is gone (the second session's slot 1 is the first's
     * area.return, and would count it). Typed arguments: $arg1 is add(long,long)'s number, signed.
     */
    @Test
    void classesLoadedAfterTheSessionStartsAreProbedAndRestored() throws Exception {
        List<String> untraced = new ArrayList<>(List.of("late area 12", "late triangle 5", "late add -4"));
        untraced.addAll(untracedRound);   // what the program prints: no round of it before this session loads the classes
        Result r = session("probe java(\"Calls\").class(\"^calls.Calls$Shape\").method(\"area\").return { printf(\"area %s\\n\", user_string($return)) }\n"
                + "global radius probe java(\"Calls\").class(\"plugin.*\").method(\"radius\") ? { radius++ }\n"
                + "probe java(\"Calls\").class(\"Calls\").method(\"add(long,long)\") { printf(\"add %d %d %s\\n\", $arg1, $arg2 * 10, arg1) }\n"
                + "probe end { printf(\"radius %d\\n\", radius) }\n", "late", untraced);
        assertEquals(new Result("armed\narea 12\narea 5\nadd -7 20 -7\nadd 2 30 2\narea 9\narea 0\nradius 2\n", "", 0), r);
        Result after = session("global g probe java(\"Calls\").class(\"Calls\").method(\"greet\") { g++ } probe end { printf(\"%d\\n\", g) }",
                "late", untraced);
        assertEquals(new Result("armed\n2\n", "", 0), after);
    }

    /** Typed arguments: where the point's signature names an integral type, $argN is the number and argN its text. */
    @Test
    void integralArgumentsTheSignatureNamesAreNumbers() throws Exception {
        Result r = session("probe java(\"Calls\").class(\"Calls\").method(\"add(int,int)\") { printf(\"%d=%s+%s \", $arg1 + $arg2, arg1, arg2) }\n"
                + "probe java(\"Calls\").class(\"Calls\").method(\"greet(String,Shape)\") { printf(\"%s \", user_string($arg1)) }\n"
                + "probe end { println(\"\") }\n");
        assertEquals(new Result("armed\n11=1+10 22=2+20 33=3+30 44=4+40 55=5+50 world base \n", "", 0), r);
    }

    @Test
    void aSecondSessionAttachesAgainAndSeesOnlyItsMethods() throws Exception {
        String counts = "global n probe java(\"Calls\").class(\"Calls\").method(\"METHOD\") { n++ } probe end { printf(\"%d\\n\", n) }";
        Result first = session(counts.replace("METHOD", "add(int,int)"));
        assertEquals(new Result("armed\n5\n", "", 0), first);
        Result second = session(counts.replace("METHOD", "greet"));
        assertEquals(new Result("armed\n2\n", "", 0), second);
    }

    /**
     * A module compiled with -p4 runs its java() probes from the native loader alone: stapvm-run arms
     * the JVM's agent from the module's java section (the attach protocol, no JVM of its own), and
     * disarms after the run, so a stapvm session attaches cleanly afterwards and sees only its method.
     */
    @Test
    void theNativeLoaderArmsACompiledModule() throws Exception {
        String script = ("global n, armed probe timer.ms(50) { if (!armed) { armed = 1; println(\"armed\") } }\n"
                + "probe java(PID).class(\"calls.Calls\").method(\"round\").return { exit() }\n"
                + "probe java(PID).class(\"Calls\").method(\"add(int,int)\").return { n++ printf(\"%s+%s -> %s\\n\", arg1, arg2, user_string($return)) }\n"
                + "probe end { printf(\"%d\\n\", n) }\n").replace("PID", Long.toString(jvm.pid()));
        StapvmCommand cmd = new StapvmCommand(tmp);
        Result compiled = cmd.finish(cmd.builder(List.of("-p4", "-m", "calls", "-e", script)).directory(tmp.toFile()).start());
        assertEquals(0, compiled.exitCode(), compiled.stderr());
        Path module = Path.of(compiled.stdout().trim());
        Path out = tmp.resolve("run.out");
        Process run = new ProcessBuilder(StapvmCommand.ROOT.resolve("runtime-native/user/build/stapvm-run").toString(),
                "-x", Long.toString(jvm.pid()), "-o", out.toString(), tmp.resolve(module).toString())
                .redirectError(tmp.resolve("run.err").toFile()).start();
        for (int i = 0; i < 600 && run.isAlive() && !(Files.exists(out) && Files.readString(out).startsWith("armed\n")); i++) {
            Thread.sleep(100);
        }
        assertTrue(run.isAlive(), Files.readString(tmp.resolve("run.err")));
        assertEquals(untracedRound, round());
        assertTrue(run.waitFor(60, TimeUnit.SECONDS));
        assertEquals("", Files.readString(tmp.resolve("run.err")));
        assertEquals(0, run.exitValue());
        assertEquals("armed\n1+10 -> 11\n2+20 -> 22\n3+30 -> 33\n4+40 -> 44\n5+50 -> 55\n5\n", Files.readString(out));
        Result again = session("global g probe java(\"Calls\").class(\"Calls\").method(\"greet\") { g++ } probe end { printf(\"%d\\n\", g) }");
        assertEquals(new Result("armed\n2\n", "", 0), again);
    }

    @Test
    void theJvmIsNamedByItsMainClassWithOrWithoutThePackage() throws Exception {
        for (String name : List.of("Calls", "calls.Calls")) {
            Result r = new StapvmCommand(tmp).run("-p2", "-e", "probe java(\"" + name + "\").class(\"Calls\").method(\"add\") { }");
            assertEquals(0, r.exitCode(), r.stderr());
        }
    }

    @Test
    void errorsNameWhatIsThere() throws Exception {
        assertError("java(\"NoSuchMain\").class(\"Calls\").method(\"add\")", "no Java process named 'NoSuchMain'");
        assertError("java(1).class(\"Calls\").method(\"add\")", "process 1 is not a Java process that can be attached to");
        Process closed = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+DisableAttachMechanism", "-cp", classes.toString(), "calls.Calls").start();
        try {
            assertEquals("ready", new BufferedReader(new InputStreamReader(closed.getInputStream(), StandardCharsets.UTF_8)).readLine());
            assertError("java(" + closed.pid() + ").class(\"Calls\").method(\"add\")",
                    "Java process " + closed.pid() + " does not allow attaching: it runs with -XX:+DisableAttachMechanism");
        } finally {
            closed.destroyForcibly();
        }
        assertError("java(\"Calls\").class(\"Cals\").method(\"add\")",
                "no match: no loaded class 'Cals' in Java process " + jvm.pid() + " (similar classes: Calls");
        assertError("java(\"Calls\").class(\"Calls\").method(\"ad\")",
                "no match: no method 'ad' in class calls.Calls (similar methods: add");
        assertError("java(\"Calls\").class(\"Calls\").method(\"add(String)\")",
                "signature mismatch: no add(String) in class calls.Calls (it has: add(int,int), add(long,long))");
        assertError("java(\"Calls\").class(\"Calls\").method(\"add(int,int)\").entry", "invalid suffix for probe");
        assertError("java(\"Calls\").class(\"Calls\").method(\"greet:1\")", "no match: no line 1 in greet in class calls.Calls"
                + " (greet(java.lang.String,calls.Calls$Shape) has lines " + (areaLine - 1) + "-" + (areaLine + 1) + ")");
        String entryScript = "probe java(" + jvm.pid() + ").class(\"Calls\").method(\"check\") { println(user_string($return)) }";
        Result entryReturn = new StapvmCommand(tmp).run("-p2", "-e", entryScript);
        assertEquals(1, entryReturn.exitCode(), entryReturn.stderr());
        assertTrue(entryReturn.stderr().startsWith("semantic error: debuginfo scope not found for module '")
                && entryReturn.stderr().contains("/libstapvm-java.so', cannot resolve context variable [man error::dwarf]:"
                + " identifier '$return' at <input>:1:" + (entryScript.indexOf("$return") + 1) + "\n"), entryReturn.stderr());
    }

    private void assertError(String point, String expected) throws Exception {
        Result r = new StapvmCommand(tmp).run("-p2", "-e", "probe " + point.replace("java(\"Calls\")", "java(" + jvm.pid() + ")") + " { }");
        assertEquals(1, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("semantic error: " + expected), r.stderr());
        assertNotNull(r.stderr());
    }
}
