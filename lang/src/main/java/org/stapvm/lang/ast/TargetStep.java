package org.stapvm.lang.ast;

/**
 * One step of a target expression: ->member or [index]. {@code pos} is the step's own token (the
 * '->' or the '['), where stap reports an error of that step.
 */
public sealed interface TargetStep {
    SourcePos pos();

    record Member(SourcePos pos, String name) implements TargetStep {}

    record Index(SourcePos pos, Expression index) implements TargetStep {}
}
