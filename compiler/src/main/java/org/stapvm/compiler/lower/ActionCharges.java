package org.stapvm.compiler.lower;

import org.stapvm.compiler.bytecode.Opcode;

/**
 * MAXACTION charges as stap's translator places them (record_actions): each statement adds to a
 * count kept while its code is written, and the count is spent by one ACT where a basic block
 * ends (update) or once it reaches 10, named after the token stap reports there. The count runs
 * in the order code is written, not the order it runs: a for loop's step is charged after the
 * loop, the test that ends a loop not at all, exactly as in stap. A body with a bounded statement
 * count charges nothing (stap checks it once at its start), nor do library functions.
 */
final class ActionCharges {
    /** stap flushes a run of straight-line statements after this many. */
    private static final int BATCH = 10;

    private final Emitter code;
    private final boolean charging;
    private int pending;

    ActionCharges(Emitter code, boolean charging) {
        this.code = code;
        this.charging = charging;
    }

    /** Adds {@code n} actions; spends what is counted when {@code update} or at the batch size, reported near {@code near}. */
    void record(int n, String near, boolean update) {
        pending += n;
        if (charging && (update && pending > 0 || pending >= BATCH)) {
            if (near != null) {
                code.at(near);
            }
            code.emit(Opcode.ACT, 0, 0, 0, pending);
            pending = 0;
        }
    }

    /** stap's check at the start of a body with at most {@code statements} statements. */
    void checkBounded(long statements, String near) {
        if (near != null) {
            code.at(near);
        }
        code.emit(Opcode.ACTCHK, 0, 0, 0, (int) Math.min(statements, Integer.MAX_VALUE));
    }
}
