package org.stapvm.lang.ast;

/** A foreach sort mark: none, '+' (ascending) or '-' (descending). */
public enum SortOrder {
    NONE(""), ASCENDING("+"), DESCENDING("-");

    public final String mark;

    SortOrder(String mark) {
        this.mark = mark;
    }

    public static SortOrder of(String mark) {
        return mark == null ? NONE : mark.equals("+") ? ASCENDING : DESCENDING;
    }
}
