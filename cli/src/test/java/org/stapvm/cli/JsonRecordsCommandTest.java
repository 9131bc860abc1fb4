package org.stapvm.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.cli.StapvmCommand.Result;

/** --format=json's structured records from the stapvm command: the end-of-run display of globals and histograms. */
class JsonRecordsCommandTest {
    /** Globals written and never read, one of each kind stap displays, after a line left unended. */
    private static final String GLOBALS = "global x, s, a, b, st, sa, empty"
            + " probe begin { print(\"abc\") x = 5 s = \"q\\\"\\n\" a[1,\"k\"] = 7 a[2,\"z\"] = 3 b[\"u\"] = \"v\""
            + " st <<< 3 st <<< 5 sa[\"p\",1] <<< 4 if (0) empty <<< 1 exit() }";
    private static final String HISTOGRAMS = "global h, hh probe begin { h <<< 1 h <<< 3 h <<< 30 print(@hist_log(h))"
            + " hh[1,\"a\"] <<< -5 hh[1,\"a\"] <<< 5 hh[1,\"a\"] <<< 50 print(@hist_linear(hh[1,\"a\"], 0, 20, 5)) exit() }";

    @TempDir
    Path tmp;

    private Result run(String... args) throws Exception {
        return new StapvmCommand(tmp).run(args);
    }

    @Test
    void globalsDisplayIsOneRecordPerLine() throws Exception {
        assertEquals(new Result("{\"type\":\"print\",\"data\":\"abc\"}\n"
                + "{\"type\":\"global\",\"name\":\"x\",\"value\":5}\n"
                + "{\"type\":\"global\",\"name\":\"s\",\"value\":\"q\\\"\\n\"}\n"
                + "{\"type\":\"global\",\"name\":\"a\",\"key\":[1,\"k\"],\"value\":7}\n"
                + "{\"type\":\"global\",\"name\":\"a\",\"key\":[2,\"z\"],\"value\":3}\n"
                + "{\"type\":\"global\",\"name\":\"b\",\"key\":[\"u\"],\"value\":\"v\"}\n"
                + "{\"type\":\"global\",\"name\":\"st\",\"count\":2,\"min\":3,\"max\":5,\"sum\":8,\"avg\":4}\n"
                + "{\"type\":\"global\",\"name\":\"sa\",\"key\":[\"p\",1],\"count\":1,\"min\":4,\"max\":4,\"sum\":4,\"avg\":4}\n",
                "", 0), run("--format=json", "-e", GLOBALS));
    }

    @Test
    void globalsDisplayStaysStapsTextWithoutJson() throws Exception {
        assertEquals(new Result("abcx=5\ns=\"q\"\n\"\na[1,\"k\"]=7\na[2,\"z\"]=3\nb[\"u\"]=\"v\"\n"
                + "st @count=2 @min=3 @max=5 @sum=8 @avg=4\nsa[\"p\",1] @count=1 @min=4 @max=4 @sum=4 @avg=4\n", "", 0),
                run("-e", GLOBALS));
    }

    @Test
    void histogramIsOneRecordWithItsBuckets() throws Exception {
        assertEquals(new Result("{\"type\":\"hist\",\"name\":\"h\",\"kind\":\"log\",\"buckets\":[{\"value\":1,\"count\":1},"
                + "{\"value\":2,\"count\":1},{\"value\":4,\"count\":0},{\"value\":8,\"count\":0},{\"value\":16,\"count\":1}]}\n"
                + "{\"type\":\"hist\",\"name\":\"hh\",\"key\":[1,\"a\"],\"kind\":\"linear\",\"buckets\":[{\"below\":0,\"count\":1},"
                + "{\"value\":0,\"count\":0},{\"value\":5,\"count\":1},{\"value\":10,\"count\":0},{\"value\":15,\"count\":0},"
                + "{\"value\":20,\"count\":0},{\"above\":20,\"count\":1}]}\n", "", 0), run("--format=json", "-e", HISTOGRAMS));
    }

    @Test
    void histogramStaysStapsTextWithoutJson() throws Exception {
        String log = "value |-------------------------------------------------- count\n"
                + "    0 |                                                   0\n"
                + "    1 |@                                                  1\n"
                + "    2 |@                                                  1\n"
                + "    4 |                                                   0\n"
                + "    8 |                                                   0\n"
                + "   16 |@                                                  1\n"
                + "   32 |                                                   0\n"
                + "   64 |                                                   0\n\n";
        String linear = "value |-------------------------------------------------- count\n"
                + "   <0 |@                                                  1\n"
                + "    0 |                                                   0\n"
                + "    5 |@                                                  1\n"
                + "   10 |                                                   0\n"
                + "   15 |                                                   0\n"
                + "   20 |                                                   0\n"
                + "  >20 |@                                                  1\n\n";
        assertEquals(new Result(log + linear, "", 0), run("-e", HISTOGRAMS));
    }
}
