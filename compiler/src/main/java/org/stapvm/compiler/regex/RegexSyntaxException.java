package org.stapvm.compiler.regex;

/** A pattern that is not a valid POSIX extended regular expression, or too big to compile. */
public final class RegexSyntaxException extends Exception {
    private final int offset;

    RegexSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    /** Index into the pattern where the problem was found. */
    public int offset() {
        return offset;
    }
}
