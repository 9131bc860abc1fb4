package org.stapvm.lang.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.junit.jupiter.api.Test;
import org.stapvm.lang.Corpus;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.Pass1;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.grammar.StapParser;

/**
 * The greedy operator loop reads every corpus file as ANTLR's own prediction does, and reads an
 * operator chain in time linear in its length (ANTLR's prediction looked ahead to the end of the
 * block at every operator).
 */
class GreedyOperatorLoopTest {

    @Test
    void everyCorpusFileGetsTheParseTreeOfAntlrsOwnPrediction() throws IOException {
        List<Path> files = Corpus.files();
        assertTrue(files.size() > 700, "systemtap corpus not installed: found " + files.size() + " files");
        int compared = 0;
        for (Path path : files) {
            SourceFile file = SourceFile.read(path);
            List<Token> tokens = Corpus.pass1(path).preprocessor().apply(file, Lexing.tokens(file), d -> { });
            String antlr = trees(tokens, p -> p.getInterpreter());
            String greedy = trees(tokens, GreedyOperatorLoop::new);
            assertEquals(antlr, greedy, "parse trees differ for " + path);
            compared++;
        }
        assertEquals(files.size(), compared);
    }

    @Test
    void aChainOfOperatorsIsReadInLinearTime() {
        long n = lookaheads(2000), n4 = lookaheads(8000);
        // linear: about 4; ANTLR's own prediction made this about 16 (quadratic)
        assertTrue(n4 < 5 * n, "token reads for 2000 and 8000 terms: " + n + ", " + n4);
    }

    @Test
    void precedenceAndStatementEndsAreUnchanged() {
        Pass1 pass1 = Pass1.forKernel("6.1.0-57-amd64", List.of(), 0);
        String script = "probe begin { x = 1 + 2 * 3 - 4 y = a[1] ++b c = d ? e : f = g h = i++ -1 }";
        SourceFile file = new SourceFile("t.stp", script);
        List<Token> tokens = pass1.preprocessor().apply(file, Lexing.tokens(file), d -> { });
        assertEquals(trees(tokens, p -> p.getInterpreter()), trees(tokens, GreedyOperatorLoop::new));
    }

    /** Every declaration's parse tree, with the interpreter the factory makes (full LL prediction). */
    private static String trees(List<Token> tokens, Function<StapParser, org.antlr.v4.runtime.atn.ParserATNSimulator> sim) {
        StapParser parser = parser(new CommonTokenStream(new ListTokenSource(tokens)));
        parser.setInterpreter(sim.apply(parser));
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        StringBuilder out = new StringBuilder();
        while (parser.getInputStream().LA(1) != Token.EOF) {
            out.append(parser.declaration().toStringTree(parser)).append('\n');
        }
        return out.toString();
    }

    private static StapParser parser(CommonTokenStream stream) {
        StapParser parser = new StapParser(stream);
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    /** How many times the parser and its prediction read a token, for a chain of n terms. */
    private static long lookaheads(int n) {
        StringBuilder text = new StringBuilder("probe begin { x = 1");
        for (int i = 1; i < n; i++) {
            text.append(" + 1");
        }
        text.append("; print(x) exit() }\n");
        long[] reads = {0};
        CommonTokenStream stream = new CommonTokenStream(new ListTokenSource(Lexing.tokens(new SourceFile("c.stp", text.toString())))) {
            @Override
            public Token LT(int k) {
                reads[0]++;
                return super.LT(k);
            }
        };
        StapParser parser = parser(stream);
        parser.setInterpreter(new GreedyOperatorLoop(parser));
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.declaration();
        return reads[0];
    }
}
