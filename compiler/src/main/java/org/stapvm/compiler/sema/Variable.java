package org.stapvm.compiler.sema;

import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.SourcePos;

/**
 * A resolved variable: a global, or a local or parameter of one probe or function. Compared by
 * identity (two probes' locals named "x" are different variables). {@code slot} numbers globals
 * program-wide and locals per unit (parameters first); {@code pos} is the declaration, or the
 * first mention of an undeclared local.
 */
public final class Variable {
    public enum Scope { GLOBAL, LOCAL, PARAM }

    private final String name;
    private final Scope scope;
    private final SourcePos pos;
    private final int slot;
    private final Declaration.Global global;

    Variable(String name, Scope scope, SourcePos pos, int slot, Declaration.Global global) {
        this.name = name;
        this.scope = scope;
        this.pos = pos;
        this.slot = slot;
        this.global = global;
    }

    public String name() { return name; }
    public Scope scope() { return scope; }
    public SourcePos pos() { return pos; }
    public int slot() { return slot; }
    /** The global's declaration (null for locals and parameters). */
    public Declaration.Global global() { return global; }

    @Override
    public String toString() {
        return scope.name().toLowerCase() + " " + name + "#" + slot;
    }
}
