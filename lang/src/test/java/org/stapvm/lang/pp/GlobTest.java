package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GlobTest {
    @Test
    void wildcards() {
        assertTrue(Glob.matches("x86_*", "x86_64"));
        assertTrue(Glob.matches("*", ""));
        assertTrue(Glob.matches("i?86", "i686"));
        assertFalse(Glob.matches("i?86", "x86"));
        assertTrue(Glob.matches("6.1*", "6.1.0"));
        assertTrue(Glob.matches("*a*b", "xaxxab"));
        assertFalse(Glob.matches("*a*b", "xaxxa"));
        assertTrue(Glob.matches("a/*", "a/b/c")); // no FNM_PATHNAME
    }

    @Test
    void brackets() {
        assertTrue(Glob.matches("[my]", "m"));
        assertTrue(Glob.matches("[my]", "y"));
        assertFalse(Glob.matches("[my]", "n"));
        assertFalse(Glob.matches("[!my]", "y"));
        assertTrue(Glob.matches("[^my]", "n"));
        assertTrue(Glob.matches("6.[0-3]*", "6.1.0"));
        assertFalse(Glob.matches("6.[2-9]*", "6.1.0"));
        assertTrue(Glob.matches("[]]", "]"));
        assertTrue(Glob.matches("[[:digit:]]x", "7x"));
        assertTrue(Glob.matches("[", "[")); // unterminated: literal
    }

    @Test
    void backslashIsLiteral() {
        assertTrue(Glob.matches("a\\b", "a\\b"));
        assertFalse(Glob.matches("\\*", "*"));
    }

    @Test
    void wildcardDetection() {
        assertTrue(Glob.hasWildcard("6.*"));
        assertTrue(Glob.hasWildcard("[12]"));
        assertFalse(Glob.hasWildcard("6.1.0"));
    }
}
