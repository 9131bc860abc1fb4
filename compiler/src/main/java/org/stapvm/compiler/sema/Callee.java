package org.stapvm.compiler.sema;

/** What a call resolved to: a native helper, or a script/tapset function (its Unit). */
public sealed interface Callee {
    record Native(Builtins.Builtin builtin) implements Callee {}

    /**
     * A script function; {@code overloads} are every function of its name and arity in the order stap
     * tries them (the first is {@code function}): one that ends in 'next' hands the call to the next.
     */
    record Script(Unit function, java.util.List<Unit> overloads) implements Callee {
        public Script {
            overloads = java.util.List.copyOf(overloads);
        }

        public Script(Unit function) {
            this(function, java.util.List.of(function));
        }
    }
}
