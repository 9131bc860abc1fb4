package org.stapvm.lang.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.grammar.StapLexer;
import org.stapvm.lang.grammar.StapParser;
import org.stapvm.lang.pp.Preprocessor;

/**
 * Reads one file: lex, preprocess, then parse declaration by declaration. A failed declaration
 * is reported and skipped up to the next 'probe', 'global', 'private', 'function' or '%{', so
 * one run reports every independent mistake, as SystemTap does.
 */
public final class ScriptParser {
    private final TokenPass preprocess;
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private SourceFile file;
    /** Index of the token the last failed declaration stopped at. */
    private int failedAt;

    /** @param preprocess turns lexed tokens into the tokens the grammar reads */
    public ScriptParser(TokenPass preprocess) {
        this.preprocess = preprocess;
    }

    /** The script as far as it could be read, its errors, and warnings (which do not fail pass 1). */
    public record Result(Script script, List<Diagnostic> errors, List<Diagnostic> warnings) {
        public Result {
            errors = List.copyOf(errors);
            warnings = List.copyOf(warnings);
        }

        public boolean ok() {
            return errors.isEmpty();
        }
    }

    public Result parse(SourceFile source) {
        file = source;
        errors.clear();
        warnings.clear();
        List<Declaration> declarations = new ArrayList<>();
        try {
            List<Token> tokens = preprocess.apply(source, Lexing.tokens(source), this::preprocessorProblem);
            parseDeclarations(tokens, declarations);
        } catch (StackOverflowError e) {
            errors.add(Diagnostic.parseError("script nested too deeply", null, null, null));
        }
        return new Result(new Script(source.name(), declarations), errors, warnings);
    }

    private void preprocessorProblem(Diagnostic d) {
        (d.isError() ? errors : warnings).add(d);
    }

    private void parseDeclarations(List<Token> tokens, List<Declaration> out) {
        ListTokenSource tokenSource = new ListTokenSource(tokens, file.name());
        CommonTokenStream stream = new CommonTokenStream(tokenSource);
        StapParser parser = new StapParser(stream);
        parser.setInterpreter(new GreedyOperatorLoop(parser));
        parser.removeErrorListeners();
        parser.setErrorHandler(new BailErrorStrategy());
        AstBuilder builder = new AstBuilder((message, token) -> report(message, token), t -> next(stream, t));
        while (stream.LA(1) != Token.EOF) {
            int start = stream.index();
            StapParser.DeclarationContext declaration = parseOne(parser, stream, start);
            if (declaration == null) {
                resync(stream, Math.max(start + 1, failedAt));
                continue;
            }
            out.addAll(builder.declarations(declaration));
        }
    }

    /** Fast SLL prediction first; full LL only when SLL fails, as ANTLR recommends. */
    private StapParser.DeclarationContext parseOne(StapParser parser, CommonTokenStream stream, int start) {
        try {
            parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
            return parser.declaration();
        } catch (ParseCancellationException sllFailed) {
            parser.reset();
            stream.seek(start);
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            try {
                return parser.declaration();
            } catch (ParseCancellationException e) {
                RecognitionException cause = (RecognitionException) e.getCause();
                Token offending = cause.getOffendingToken() != null ? cause.getOffendingToken() : stream.LT(1);
                failedAt = offending.getTokenIndex();
                // No rule accepts a lexical error token, so parsing always stops at the first one.
                String lexical = SyntaxErrors.lexical(offending);
                if (lexical != null) {
                    errors.add(Diagnostic.parseError(lexical, null, Positions.pos(offending), file.line(offending.getLine())));
                } else {
                    report(SyntaxErrors.message(cause, offending, stream), offending);
                }
                return null;
            }
        }
    }

    /** The token the grammar reads after {@code t} (comments and blanks skipped). */
    private static Token next(CommonTokenStream stream, Token t) {
        int i = t.getTokenIndex() + 1;
        while (i < stream.size() - 1 && stream.get(i).getChannel() != Token.DEFAULT_CHANNEL) {
            i++;
        }
        return stream.get(Math.min(i, stream.size() - 1));
    }

    /** Skips from where parsing failed up to the next token that can start a declaration. */
    private static void resync(CommonTokenStream stream, int from) {
        stream.seek(from);
        while (stream.LA(1) != Token.EOF && !startsDeclaration(stream.LA(1))) {
            stream.consume();
        }
    }

    private static boolean startsDeclaration(int type) {
        return type == StapLexer.PROBE || type == StapLexer.GLOBAL || type == StapLexer.PRIVATE
                || type == StapLexer.FUNCTION || type == StapLexer.EMBEDDED;
    }

    private void report(String message, Token t) {
        if (t.getType() == Token.EOF) {
            errors.add(Diagnostic.parseError(message, file.name() + " EOF", null, null));
        } else {
            String line = t.getTokenSource().getSourceName().equals(file.name()) ? file.line(t.getLine()) : null;
            errors.add(Diagnostic.parseError(message, TokenDescriptions.saw(t), Positions.pos(t), line));
        }
    }
}
