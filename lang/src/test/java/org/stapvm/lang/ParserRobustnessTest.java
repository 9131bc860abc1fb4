package org.stapvm.lang;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.parse.ScriptParser;

/**
 * Seeded random mutations of real scripts (byte edits, token deletions, truncations) give either
 * an AST or parse errors: never an exception, never a hang (each well under a second).
 */
class ParserRobustnessTest {
    private static final long SEED = 20261123L;
    private static final int MUTATIONS = 3000;
    /** Characters that matter to the lexer and the preprocessor. */
    private static final String ALPHABET = "{}()[]%?:;,.\"'$@#*/\\=<>!~-+&|^ \nabz09";

    @Test
    void mutatedScriptsParseOrFailCleanly() throws Exception {
        List<Path> files = Corpus.files();
        assertFalse(files.isEmpty(), "systemtap corpus not installed");
        Random random = new Random(SEED);
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(null, r, "fuzz", 64L << 20));
        int failures = 0;
        long slowest = 0;
        try {
            for (int i = 0; i < MUTATIONS; i++) {
                Path path = files.get(random.nextInt(files.size()));
                SourceFile original = SourceFile.read(path);
                String mutated = mutate(original.text(), random);
                SourceFile input = new SourceFile(path + "#mutation" + i, mutated);
                long start = System.nanoTime();
                ScriptParser.Result r = parseWithin(worker, path, input, "mutation " + i + " of " + path, mutated);
                slowest = Math.max(slowest, System.nanoTime() - start);
                assertTrue(r.script() != null);
                if (!r.ok()) {
                    failures++;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        System.out.printf("%d mutations, %d rejected, slowest %.0f ms%n", MUTATIONS, failures, slowest / 1e6);
        // Most mutations break a script; a run where none did would mean the mutator is broken.
        assertTrue(failures > MUTATIONS / 4, "only " + failures + " mutations were rejected");
    }

    /**
     * Parses input on the worker within a second of the worker's CPU time (wall time stretches on a
     * loaded machine; CPU time does not). A parse over it is given one more try (the first parse pays
     * for the cold JIT); one that does not end in 30 s is a hang.
     */
    private static ScriptParser.Result parseWithin(ExecutorService worker, Path path, SourceFile input, String what,
                                                   String text) throws Exception {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int attempt = 0; ; attempt++) {
            Future<Object[]> result = worker.submit(() -> {
                long start = cpu.getCurrentThreadCpuTime();
                ScriptParser.Result r = Corpus.parser(path).parse(input);
                return new Object[] {r, cpu.getCurrentThreadCpuTime() - start};
            });
            Object[] done;
            try {
                done = result.get(30, TimeUnit.SECONDS);
            } catch (TimeoutException hang) {
                fail(what + " did not end in 30 s:\n" + text);
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                throw new AssertionError(what + " threw:\n" + text, e.getCause());
            }
            if ((long) done[1] <= TimeUnit.SECONDS.toNanos(1)) {
                return (ScriptParser.Result) done[0];
            }
            if (attempt == 1) {
                fail(what + " took over a second of CPU twice:\n" + text);
            }
        }
    }

    private static String mutate(String text, Random random) {
        if (text.isEmpty()) {
            return text;
        }
        switch (random.nextInt(3)) {
            case 0: { // byte edits: overwrite, insert or delete a few characters
                StringBuilder s = new StringBuilder(text);
                for (int n = 1 + random.nextInt(4); n > 0 && s.length() > 0; n--) {
                    int at = random.nextInt(s.length());
                    char c = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
                    switch (random.nextInt(3)) {
                        case 0 -> s.setCharAt(at, c);
                        case 1 -> s.insert(at, c);
                        default -> s.deleteCharAt(at);
                    }
                }
                return s.toString();
            }
            case 1: { // delete one to three whole tokens
                List<Token> tokens = Lexing.tokens(new SourceFile("m", text));
                if (tokens.isEmpty()) {
                    return text;
                }
                List<int[]> cuts = new ArrayList<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    Token t = tokens.get(random.nextInt(tokens.size()));
                    cuts.add(new int[] {t.getStartIndex(), t.getStopIndex() + 1});
                }
                cuts.sort((a, b) -> b[0] - a[0]);
                StringBuilder s = new StringBuilder(text);
                int last = Integer.MAX_VALUE;
                for (int[] cut : cuts) {
                    if (cut[1] <= last) {
                        s.delete(cut[0], cut[1]);
                        last = cut[0];
                    }
                }
                return s.toString();
            }
            default: // truncate anywhere
                return text.substring(0, random.nextInt(text.length()));
        }
    }
}
