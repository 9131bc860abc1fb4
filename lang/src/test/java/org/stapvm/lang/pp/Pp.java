package org.stapvm.lang.pp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.antlr.v4.runtime.Token;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;

/** Test harness: preprocesses a script against a fixed machine and records what came out. */
final class Pp {
    static final PpContext CONTEXT = new PpContext("6.1.0-56-amd64", "x86_64", "kernel", "4.8", "stapdev",
            Map.of("CONFIG_SMP", "y", "CONFIG_EXT4_FS", "m", "CONFIG_HZ", "250", "CONFIG_HZ_250", "y",
                    "CONFIG_NR_CPUS", "8192", "CONFIG_DEFAULT_HOSTNAME", "\"(none)\"", "CONFIG_PHYSICAL_START", "0x1000000",
                    "CONFIG_ILLEGAL_POINTER_VALUE", "0xdead000000000000"),
            2, false);

    final List<Token> tokens;
    final List<Diagnostic> diagnostics;

    private Pp(List<Token> tokens, List<Diagnostic> diagnostics) {
        this.tokens = tokens;
        this.diagnostics = diagnostics;
    }

    static Pp run(String script) {
        return run(script, MacroTable.empty(), CONTEXT);
    }

    static Pp run(String script, MacroTable library, PpContext context) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        SourceFile file = new SourceFile("t.stp", script);
        List<Token> out = new Preprocessor(library, context, diagnostics::add)
                .process(file, ArgumentSubstitution.apply(file, Lexing.tokens(file), context.args()));
        return new Pp(out, diagnostics);
    }

    /** The output tokens' texts, space separated. */
    static String text(String script) {
        Pp pp = run(script);
        if (!pp.diagnostics.isEmpty()) {
            throw new AssertionError("unexpected diagnostics: " + pp.errors());
        }
        return pp.text();
    }

    String text() {
        return tokens.stream().map(Token::getText).collect(Collectors.joining(" "));
    }

    /** Each diagnostic as "line:col message [saw]". */
    List<String> errors() {
        return diagnostics.stream()
                .map(d -> d.pos().line() + ":" + d.pos().column() + " " + d.message() + " [" + d.token() + "]")
                .toList();
    }

    static List<String> errors(String script) {
        return run(script).errors();
    }
}
