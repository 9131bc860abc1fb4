package org.stapvm.compiler.sema;

/** What a call resolved to: a native helper, or a script/tapset function (its Unit). */
public sealed interface Callee {
    record Native(Builtins.Builtin builtin) implements Callee {}

    record Script(Unit function) implements Callee {}
}
