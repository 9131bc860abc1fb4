package org.stapvm.lang.ast;

/** Declared types of function results and parameters. */
public enum ValueType {
    LONG("long"), STRING("string");

    public final String text;

    ValueType(String text) {
        this.text = text;
    }
}
