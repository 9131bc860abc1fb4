package org.stapvm.lang.pp;

import org.antlr.v4.runtime.Token;

/** Small token tests the preprocessor repeats. */
final class Tokens {
    private Tokens() {}

    static boolean is(Token t, int type) {
        return t != null && t.getType() == type;
    }
}
