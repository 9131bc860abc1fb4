package org.stapvm.lang.ast;

import java.util.List;

/**
 * kernel.function("f").return? if (cond): dotted components, an optional marker
 * ('?' optional, '!' sufficient) and an optional condition (null when absent).
 */
public record ProbePoint(SourcePos pos, List<Component> components, Marker marker, Expression condition) {
    public ProbePoint { components = List.copyOf(components); }

    public enum Marker {
        NONE(""), OPTIONAL("?"), SUFFICIENT("!"),
        /** A point -l/-L lists that had no marker: optional (a pattern matching nothing is no error), printed bare. */
        LISTED("");

        public final String text;

        Marker(String text) {
            this.text = text;
        }
    }

    /** One dotted part: a name (may hold '*') and an optional literal argument (null when absent). */
    public record Component(SourcePos pos, String name, Expression argument) {}
}
