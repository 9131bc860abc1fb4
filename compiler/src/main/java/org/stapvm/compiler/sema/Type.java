package org.stapvm.compiler.sema;

/** The value types of SystemTap; "not yet known" is null in the side tables. */
public enum Type {
    LONG("long"), STRING("string"), STATS("stats");

    public final String text;

    Type(String text) {
        this.text = text;
    }

    public static Type of(org.stapvm.lang.ast.ValueType t) {
        return t == null ? null : t == org.stapvm.lang.ast.ValueType.LONG ? LONG : STRING;
    }
}
