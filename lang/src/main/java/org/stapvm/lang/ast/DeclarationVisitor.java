package org.stapvm.lang.ast;

/** One method per declaration record (AstVisitorCoverageTest proves none is missing). */
public interface DeclarationVisitor<R> {
    R visitProbe(Declaration.Probe d);
    R visitAlias(Declaration.Alias d);
    R visitGlobal(Declaration.Global d);
    R visitFunction(Declaration.Function d);
    R visitEmbedded(Declaration.Embedded d);
}
