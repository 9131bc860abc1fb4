package org.stapvm.compiler.regex;

import java.util.BitSet;

/** POSIX [:name:] classes in the C locale. */
final class CharacterClasses {
    private CharacterClasses() {}

    /** Adds the class's bytes to {@code set}; false if there is no such class. */
    static boolean add(String name, BitSet set) {
        for (int c = 0; c < 128; c++) {
            Boolean in = member(name, (char) c);
            if (in == null) {
                return false;
            }
            if (in) {
                set.set(c);
            }
        }
        return true;
    }

    private static Boolean member(String name, char c) {
        return switch (name) {
            case "alpha" -> Character.isLetter(c);
            case "digit" -> c >= '0' && c <= '9';
            case "alnum" -> Character.isLetterOrDigit(c);
            case "upper" -> c >= 'A' && c <= 'Z';
            case "lower" -> c >= 'a' && c <= 'z';
            case "space" -> c == ' ' || (c >= '\t' && c <= '\r');
            case "blank" -> c == ' ' || c == '\t';
            case "punct" -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "print" -> c >= 32 && c < 127;
            case "graph" -> c > 32 && c < 127;
            case "cntrl" -> c < 32 || c == 127;
            case "xdigit" -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> null;
        };
    }
}
