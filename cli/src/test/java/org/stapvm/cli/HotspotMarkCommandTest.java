package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/**
 * The JDK's own SDT markers ({@code hotspot} provider of libjvm.so, which the JVM loads with dlopen) from
 * the stapvm command on the userspace runtime: a small Java program calls System.gc() three times and
 * starts one daemon thread; gc__begin fires once per call with is_full 1, gc__end as often, thread__start
 * with the name, Java id and daemon flag the program prints and the native tid of the thread it starts.
 * -L lists what stap 4.8 lists for JDK 17's libjvm.so.
 */
class HotspotMarkCommandTest {
    @TempDir
    static Path build;

    @TempDir
    Path tmp;

    private static final String PROGRAM = """
            public class Gc {
                public static void main(String[] a) throws Exception {
                    int n = Integer.parseInt(a[0]);
                    for (int i = 0; i < n; i++) System.gc();
                    Thread t = new Thread(() -> System.out.println("in thread"), "worker-1");
                    t.setDaemon(true);
                    t.start();
                    t.join();
                    System.out.println("thread worker-1 id " + t.getId() + " daemon 1");
                }
            }
            """;

    private static Path java;
    private static Path libjvm;

    @BeforeAll
    static void buildProgram() throws Exception {
        Path home = Path.of(System.getProperty("java.home"));
        java = home.resolve("bin/java");
        libjvm = home.resolve("lib/server/libjvm.so").toRealPath();
        Path src = build.resolve("Gc.java");
        Files.writeString(src, PROGRAM);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", build.toString(), src.toString()));
    }

    private String p() {
        return "process(\"" + libjvm + "\")";
    }

    @Test
    void gcAndThreadMarkersFireAsTheProgramRuns() throws Exception {
        Result r = new StapvmCommand(tmp).run("-c", java + " -Xint -XX:+UseSerialGC -cp " + build + " Gc 3", "-e",
                ("global begins, ends "
                        + "probe P.mark(\"gc__begin\") { begins++; printf(\"T %s full %d\\n\", $$name, $arg1) } "
                        + "probe P.mark(\"gc__end\") { ends++ } "
                        + "probe P.provider(\"hotspot\").mark(\"thread__start\") { "
                        + "  if (user_string_n($arg1, $arg2) == \"worker-1\") "
                        + "    printf(\"T thread %s id %d daemon %d own tid %d\\n\", user_string_n($arg1, $arg2), $arg3, $arg5, $arg4 == tid()) } "
                        + "probe end { printf(\"T begins %d ends %d\\n\", begins, ends) }").replace("P", p()));
        assertEquals(0, r.exitCode(), r.stderr());
        assertEquals("", r.stderr());
        List<String> out = r.stdout().lines().toList();
        // the program's own line: what its thread__start must have said
        String printed = out.stream().filter(l -> l.startsWith("thread worker-1")).findFirst().orElseThrow();
        assertEquals(List.of("gc__begin full 1", "gc__begin full 1", "gc__begin full 1",
                printed + " own tid 1", "begins 3 ends 3"),
                out.stream().filter(l -> l.startsWith("T ")).map(l -> l.substring(2)).toList());
        assertTrue(out.contains("in thread"), r.stdout());
    }

    @Test
    void listingIsStaps() throws Exception {
        Result gc = new StapvmCommand(tmp).run("-L", p() + ".mark(\"gc__*\")");
        assertEquals(0, gc.exitCode(), gc.stderr());
        // stap 4.8 -L on JDK 17's libjvm.so
        assertEquals(p() + ".mark(\"gc__begin\") $arg1:long\n" + p() + ".mark(\"gc__end\")\n", gc.stdout());
        Result thread = new StapvmCommand(tmp).run("-L", p() + ".mark(\"thread__start\")");
        assertEquals(p() + ".mark(\"thread__start\") $arg1:long $arg2:long $arg3:long $arg4:long $arg5:long\n",
                thread.stdout());
        Result hotspot = new StapvmCommand(tmp).run("-l", p() + ".provider(\"hotspot\").mark(\"*\")");
        assertEquals(0, hotspot.exitCode(), hotspot.stderr());
        assertEquals(42, hotspot.stdout().lines().count(), hotspot.stdout()); // stap 4.8 lists 42 for JDK 17
    }
}
