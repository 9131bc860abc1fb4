package org.stapvm.cli;

import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

/** Builds pass 1 for the options given: the preprocessor's view of the target and the tapset macros. */
final class FrontEnd {
    private FrontEnd() {}

    static ScriptParser parser(Options options) {
        return new ScriptParser(TokenPass.NONE);
    }
}
