package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** stap's output options from the stapvm command: -o with strftime formats, -S rotation, -F, and --format=json. */
class OutputOptionsCommandTest {
    /** 40 timer hits of 100 lines of 501 bytes: 2004000 bytes and the end probe's "40", the last hit's exit() ending the run. */
    private static final String TWO_MEGABYTES = "global n probe timer.ms(1) { for (i = 0; i < 100; i++) printf(\"%0500d\\n\", i)"
            + " if (++n == 40) exit() } probe end { printf(\"%d\", n) }";

    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    private List<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName() + ":" + p.toFile().length()).sorted().toList();
        }
    }

    @Test
    void outputFileNameTakesStrftimeFormats() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("o"));
        Result r = run("-o", dir.resolve("log-%Y%m%d.txt").toString(), "-e", "probe begin { println(\"hi\") exit() }");
        assertEquals(new Result("", "", 0), r);
        String day = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        assertEquals("hi\n", Files.readString(dir.resolve("log-" + day + ".txt")));
    }

    @Test
    void rotationSwitchesFilesPastTheSizeAndKeepsTheNewest() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("o"));
        Result r = run("-o", dir.resolve("out").toString(), "-S", "1", "-e", TWO_MEGABYTES);
        assertEquals(new Result("", "", 0), r);
        // a file is left once it holds more than 1 MB: 21 hits of 50100 bytes, then the rest
        assertEquals(List.of("out.0:1052100", "out.1:951902"), files(dir));
        Path kept = Files.createDirectory(tmp.resolve("kept"));
        r = run("-o", kept.resolve("out").toString(), "-S", "0,1", "-e", TWO_MEGABYTES);
        assertEquals(new Result("", "", 0), r);
        assertEquals(List.of("out:2004002"), files(kept), "-S 0: no rotation, as staprun");
        Files.delete(kept.resolve("out"));
        r = run("-o", kept.resolve("out").toString(), "-S", "1,1", "-e", TWO_MEGABYTES);
        assertEquals(List.of("out.1:951902"), files(kept), "-S 1,1 keeps only the newest file");
    }

    @Test
    void rotationNeedsAnOutputFileAndStapsPattern() throws Exception {
        assertEquals(new Result("", "You have to specify output FILE with '-S' option.\nPass 5: run failed.  [man error::pass5]\n", 1),
                run("-S", "1", "-e", "probe begin { exit() }"));
        assertEquals(new Result("", "ERROR: Safety pattern mismatch for -S parameter ('1M' vs. '^[0-9]+(,[0-9]+)?$') rc=1\n", 1),
                run("-S", "1M", "-o", "x", "-e", "probe begin { exit() }"));
    }

    @Test
    void flightRecorderWithOutputFileRunsInTheBackground() throws Exception {
        Path file = tmp.resolve("fr.out");
        Result r = run("-F", "-o", file.toString(), "-e",
                "probe begin { println(\"started\") } probe timer.ms(200) { println(\"tick\") exit() } probe end { println(\"end\") }");
        assertEquals("", r.stderr());
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().matches("[0-9]+\n"), "the daemon's pid: " + r.stdout());
        long pid = Long.parseLong(r.stdout().trim());
        ProcessHandle daemon = ProcessHandle.of(pid).orElse(null);
        if (daemon != null) {
            assertTrue(daemon.info().command().orElse("").endsWith("stapvm-run"), "the daemon is the native loader");
            daemon.onExit().get(30, java.util.concurrent.TimeUnit.SECONDS);
        }
        assertEquals("started\ntick\nend\n", Files.readString(file));
    }

    @Test
    void flightRecorderWithoutOutputFileIsRefused() throws Exception {
        Result r = run("-F", "-e", "probe begin { exit() }");
        assertEquals(new Result("", "ERROR: -F without -o is not available: stap keeps the output in the kernel's buffer for a later"
                + " 'staprun -A', but a stapvm session ends when its loader exits, on either runtime; use -F -o FILE\n"
                + "Pass 5: run failed.  [man error::pass5]\n", 1), r);
    }

    @Test
    void jsonFormatMakesEachLineARecord() throws Exception {
        Result r = run("--format=json", "-e", "probe begin { printf(\"a \\\"q\\\" \\\\ \\t\\nb\\n\") print(\"no newline\") exit() }");
        assertEquals(new Result("{\"type\":\"print\",\"data\":\"a \\\"q\\\" \\\\ \\t\"}\n"
                + "{\"type\":\"print\",\"data\":\"b\"}\n{\"type\":\"print\",\"data\":\"no newline\"}\n", "", 0), r);
        Result xml = run("--format=xml", "-e", "probe begin { exit() }");
        assertEquals(1, xml.exitCode(), xml.toString());
        assertTrue(xml.stderr().contains("--format"), xml.stderr());
    }
}
