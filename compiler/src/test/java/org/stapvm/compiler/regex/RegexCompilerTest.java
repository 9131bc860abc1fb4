package org.stapvm.compiler.regex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RegexCompilerTest {

    private static boolean matches(String pattern, String subject) throws RegexSyntaxException {
        return RegexCompiler.compile(pattern).matches(subject);
    }

    @Test
    void searchesAnywhereInTheSubject() throws Exception {
        assertTrue(matches("b", "abc"));
        assertFalse(matches("d", "abc"));
        assertTrue(matches("", "abc"));
        assertTrue(matches("", ""));
    }

    @Test
    void anchors() throws Exception {
        assertTrue(matches("^ab", "abc"));
        assertFalse(matches("^bc", "abc"));
        assertTrue(matches("bc$", "abc"));
        assertFalse(matches("ab$", "abc"));
        assertTrue(matches("^$", ""));
        assertFalse(matches("^$", "x"));
        assertTrue(matches("(^|x)a", "xa"));
        assertTrue(matches("(^|x)a", "a"));
        assertFalse(matches("(^|x)a", "ya"));
        assertTrue(matches("a($|b)", "za"));
    }

    @Test
    void bracketExpressionsAndClasses() throws Exception {
        assertTrue(matches("^[[:digit:]]+$", "12345"));
        assertFalse(matches("^[[:digit:]]+$", "12a45"));
        assertTrue(matches("[]x]", "]"));
        assertTrue(matches("[^a-c]", "abcd"));
        assertFalse(matches("[^a-c]", "abc"));
        assertTrue(matches("^[a-z_][a-z0-9_]*$", "sys_read"));
        assertTrue(matches("a\\.b", "a.b"));
        assertFalse(matches("a\\.b", "axb"));
    }

    @Test
    void boundedRepetition() throws Exception {
        assertTrue(matches("^a{2,3}$", "aa"));
        assertTrue(matches("^a{2,3}$", "aaa"));
        assertFalse(matches("^a{2,3}$", "aaaa"));
        assertTrue(matches("^(ab){2}$", "abab"));
        assertTrue(matches("^a{2,}$", "aaaaa"));
    }

    @Test
    void badPatternsAreRejectedWithAReason() {
        assertEquals("expected ), found end of regex", assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("(ab")).getMessage());
        assertEquals("unmatched ')'", assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("ab)")).getMessage());
        assertEquals("unmatched '['", assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("[ab")).getMessage());
        assertEquals("repetition operator '*' with nothing before it",
                assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("*a")).getMessage());
        assertEquals("unknown character class 'nope'",
                assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("[[:nope:]]")).getMessage());
        assertThrows(RegexSyntaxException.class, () -> RegexCompiler.compile("(a|b|c|d|e|f|g|h)*a.{12}"));
    }

    /** Random patterns agree with java.util.regex (DOTALL, '$' read as end of input) on random subjects. */
    @Test
    void agreesWithJavaRegexOnRandomPatterns() throws Exception {
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            StringBuilder posix = new StringBuilder();
            StringBuilder java = new StringBuilder();
            randomPattern(random, 3, posix, java);
            Dfa dfa = RegexCompiler.compile(posix.toString());
            Pattern reference = Pattern.compile(java.toString(), Pattern.DOTALL);
            for (int j = 0; j < 20; j++) {
                String subject = randomSubject(random);
                assertEquals(reference.matcher(subject).find(), dfa.matches(subject),
                        () -> "pattern " + posix + " on '" + subject + "'");
            }
        }
    }

    private static void randomPattern(Random r, int depth, StringBuilder posix, StringBuilder java) {
        int parts = 1 + r.nextInt(3);
        for (int p = 0; p < parts; p++) {
            int choice = depth == 0 ? r.nextInt(4) : r.nextInt(8);
            switch (choice) {
                case 0, 1 -> { char c = "abc".charAt(r.nextInt(3)); posix.append(c); java.append(c); }
                case 2 -> { posix.append('.'); java.append('.'); }
                case 3 -> { posix.append("[ab]"); java.append("[ab]"); }
                case 4 -> { posix.append('^'); java.append('^'); }
                case 5 -> { posix.append('$'); java.append("\\z"); }
                default -> {
                    posix.append('(');
                    java.append('(');
                    randomPattern(r, depth - 1, posix, java);
                    if (r.nextBoolean()) {
                        posix.append('|');
                        java.append('|');
                        randomPattern(r, depth - 1, posix, java);
                    }
                    posix.append(')');
                    java.append(')');
                }
            }
            if (posix.charAt(posix.length() - 1) != '^' && posix.charAt(posix.length() - 1) != '$') {
                String rep = new String[] {"", "", "*", "+", "?", "{1,2}"}[r.nextInt(6)];
                posix.append(rep);
                java.append(rep);
            }
        }
    }

    private static String randomSubject(Random r) {
        StringBuilder s = new StringBuilder();
        for (int n = r.nextInt(7); n > 0; n--) {
            s.append("abc\n".charAt(r.nextInt(4)));
        }
        return s.toString();
    }
}
