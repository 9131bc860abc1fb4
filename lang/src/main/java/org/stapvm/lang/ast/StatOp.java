package org.stapvm.lang.ast;

/** Statistics extractors: @count(s), @sum(s) ... */
public enum StatOp {
    COUNT("@count"), SUM("@sum"), MIN("@min"), MAX("@max"), AVG("@avg"), VARIANCE("@variance");

    public final String text;

    StatOp(String text) {
        this.text = text;
    }

    public static StatOp of(String text) {
        return OperatorText.lookup(values(), op -> op.text, text, "a statistics operator");
    }
}
