package org.stapvm.lang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Glob against what glibc's fnmatch(3) answers (checked with a C program on Debian 12's glibc 2.36). */
class GlobTest {
    private static final Glob NOESC = Glob.NO_ESCAPE;
    private static final Glob FN = Glob.FUNCTION_NAMES;

    @Test
    void wildcards() {
        assertTrue(NOESC.matches("x86_*", "x86_64"));
        assertTrue(NOESC.matches("*", ""));
        assertTrue(NOESC.matches("i?86", "i686"));
        assertFalse(NOESC.matches("i?86", "x86"));
        assertTrue(NOESC.matches("6.1*", "6.1.0"));
        assertTrue(NOESC.matches("*a*b", "xaxxab"));
        assertFalse(NOESC.matches("*a*b", "xaxxa"));
        assertTrue(NOESC.matches("a/*", "a/b/c")); // no FNM_PATHNAME
        assertTrue(FN.matches("*", ".hidden")); // no FNM_PERIOD
    }

    @Test
    void brackets() {
        assertTrue(NOESC.matches("[my]", "m"));
        assertTrue(NOESC.matches("[my]", "y"));
        assertFalse(NOESC.matches("[my]", "n"));
        assertFalse(NOESC.matches("[!my]", "y"));
        assertTrue(NOESC.matches("[^my]", "n"));
        assertTrue(NOESC.matches("6.[0-3]*", "6.1.0"));
        assertFalse(NOESC.matches("6.[2-9]*", "6.1.0"));
        assertTrue(NOESC.matches("[]]", "]"));
        assertTrue(NOESC.matches("[!]]", "x"));
        assertTrue(NOESC.matches("[a-]", "-"));
        assertTrue(NOESC.matches("[[:digit:]]x", "7x"));
        assertTrue(NOESC.matches("[", "[")); // unterminated: literal
    }

    /** Each row: pattern | name | fnmatch(p, n, 0) | fnmatch(p, n, FNM_NOESCAPE), true meaning a match. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "\\*|*|true|false",
        "\\*|\\*|false|true",
        "a\\b|ab|true|false",
        "a\\b|a\\b|false|true",
        "a\\|a\\|false|true",
        "[\\]]|]|true|false",
        "[a\\-z]|-|true|false",
        "[a\\-z]|b|false|true",
        "[!a]*_getpid|__x64_sys_getpid|true|true",
        "[!a]*_getpid|a_getpid|false|false"})
    void backslashQuotesOnlyWithoutNoEscape(String pattern, String name, boolean plain, boolean noEscape) {
        assertEquals(plain, FN.matches(pattern, name), "fnmatch(\"" + pattern + "\", \"" + name + "\", 0)");
        assertEquals(noEscape, NOESC.matches(pattern, name), "fnmatch(\"" + pattern + "\", \"" + name + "\", FNM_NOESCAPE)");
    }

    @Test
    void wildcardDetection() {
        assertTrue(Glob.hasWildcard("6.*"));
        assertTrue(Glob.hasWildcard("[12]"));
        assertTrue(Glob.hasWildcard("a?"));
        assertFalse(Glob.hasWildcard("6.1.0"));
    }

    /** toRegex is the same test: every pattern here against every text, both ways of asking. */
    @Test
    void theRegexAnswersAsMatchesDoes() {
        String[] patterns = {"x86_*", "*", "i?86", "*a*b", "[my]", "[!my]", "[^my]", "6.[0-3]*", "[]]", "[!]]", "[a-]",
                "[[:digit:]]x", "[![:alpha:]]*", "[[:nosuch:]]", "a\\*", "a\\", "[a\\]]", "get*", "calls.Calls$*", "[",
                "a[", "(x)+.y", "[[:space:][:punct:]]"};
        String[] texts = {"", "x86_64", "i686", "x86", "xaxxab", "xaxxa", "m", "y", "n", "6.1.0", "]", "x", "-", "5x",
                "9", "a*", "ab", "a\\", "a]", "getName", "calls.Calls$Shape", "[", "a[", "(x)+.y", "(x)+zy", " ", ";"};
        for (Glob g : new Glob[] {NOESC, FN}) {
            for (String p : patterns) {
                String re = g.toRegex(p);
                for (String t : texts) {
                    assertEquals(g.matches(p, t), t.matches(re), () -> p + " on " + t + " as " + re);
                }
            }
        }
    }
}
