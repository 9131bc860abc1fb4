package org.stapvm.lang.ast;

import java.util.List;

/** Top-level items of a script or tapset file. */
public sealed interface Declaration
        permits Declaration.Probe, Declaration.Alias, Declaration.Global, Declaration.Function,
                Declaration.Embedded {

    SourcePos pos();

    <R> R accept(DeclarationVisitor<R> v);

    record Probe(SourcePos pos, List<ProbePoint> points, Statement.Block body) implements Declaration {
        public Probe { points = List.copyOf(points); }
        public <R> R accept(DeclarationVisitor<R> v) { return v.visitProbe(this); }
    }

    /** probe name = targets { } (prologue) or probe name += targets { } (epilogue). */
    record Alias(SourcePos pos, List<ProbePoint> names, boolean epilogue, List<ProbePoint> targets,
                 Statement.Block body) implements Declaration {
        public Alias {
            names = List.copyOf(names);
            targets = List.copyOf(targets);
        }
        public <R> R accept(DeclarationVisitor<R> v) { return v.visitAlias(this); }
    }

    /**
     * One global variable: global name%[size] = init. {@code size} is 0 when not given,
     * {@code init} null when absent, {@code wrap} is the '%' suffix.
     */
    record Global(SourcePos pos, boolean isPrivate, String name, boolean wrap, boolean isArray, long size,
                  Expression init) implements Declaration {
        public <R> R accept(DeclarationVisitor<R> v) { return v.visitGlobal(this); }
    }

    /**
     * function name:type (params) { body } — {@code body} is a Block, or {@code embedded} holds the
     * text of a %{ %} body (then body is null). returnType is null when not declared; priority 0
     * when not given.
     */
    /** {@code embeddedPos}: where an embedded-C body ({@code %{ ... %}}) starts, null with a script body. */
    record Function(SourcePos pos, boolean isPrivate, String name, ValueType returnType, List<Param> params,
                    long priority, Statement.Block body, String embedded, SourcePos embeddedPos) implements Declaration {
        public Function { params = List.copyOf(params); }
        public <R> R accept(DeclarationVisitor<R> v) { return v.visitFunction(this); }
    }

    /** Top-level %{ ... %}. */
    record Embedded(SourcePos pos, String code) implements Declaration {
        public <R> R accept(DeclarationVisitor<R> v) { return v.visitEmbedded(this); }
    }

    /** A function parameter; type is null when not declared. */
    record Param(SourcePos pos, String name, ValueType type) {}
}
