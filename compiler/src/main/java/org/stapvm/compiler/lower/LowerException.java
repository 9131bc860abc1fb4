package org.stapvm.compiler.lower;

/** A construct lowering cannot handle yet (a compiler limitation, never a user error). */
public final class LowerException extends RuntimeException {
    public LowerException(String message) {
        super(message);
    }
}
