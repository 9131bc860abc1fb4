package org.stapvm.compiler.lower;

import org.stapvm.lang.ast.SourcePos;

/**
 * A construct lowering cannot handle yet (a compiler limitation, never a user error). It stops
 * lowering and never leaves it: {@link Lower#run} turns it into a pass-3 diagnostic at the
 * construct's {@code pos} (null: no place, such as running out of registers).
 */
public final class LowerException extends RuntimeException {
    private final String token;
    private final SourcePos pos;

    public LowerException(String message) {
        this(message, null, null);
    }

    /** {@code token}: the construct as stap describes it ("operator '+'"), shown before {@code pos}. */
    public LowerException(String message, String token, SourcePos pos) {
        super(message);
        this.token = token;
        this.pos = pos;
    }

    public String token() {
        return token;
    }

    public SourcePos pos() {
        return pos;
    }
}
