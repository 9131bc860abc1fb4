package org.stapvm.lang.ast;

import java.util.function.Function;

/** Finds an operator enum constant by its source text. */
final class OperatorText {
    private OperatorText() {}

    static <E extends Enum<E>> E lookup(E[] values, Function<E, String> text, String wanted, String what) {
        for (E op : values) {
            if (text.apply(op).equals(wanted)) {
                return op;
            }
        }
        throw new IllegalArgumentException("not " + what + ": " + wanted);
    }
}
