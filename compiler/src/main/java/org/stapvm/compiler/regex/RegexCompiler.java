package org.stapvm.compiler.regex;

/** Compiles a =~ pattern to the DFA tables the interpreter walks, and its capture program on request. */
public final class RegexCompiler {
    private RegexCompiler() {}

    public static Dfa compile(String pattern) throws RegexSyntaxException {
        return DfaBuilder.build(Nfa.of(RegexParser.parse(pattern)));
    }

    /** The DFA with the capture program matched() and ngroups() read the groups with. */
    public static Dfa compileWithGroups(String pattern) throws RegexSyntaxException {
        Nfa nfa = Nfa.of(RegexParser.parse(pattern));
        return DfaBuilder.build(nfa).withGroups(CaptureProgram.of(nfa));
    }
}
