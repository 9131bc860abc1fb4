package org.stapvm.compiler.regex;

/** Compiles a =~ pattern to the DFA tables the interpreter walks. */
public final class RegexCompiler {
    private RegexCompiler() {}

    public static Dfa compile(String pattern) throws RegexSyntaxException {
        return DfaBuilder.build(Nfa.of(RegexParser.parse(pattern)));
    }
}
