package org.stapvm.lang.ast;

/** One step of a target expression: ->member or [index]. */
public sealed interface TargetStep {

    record Member(String name) implements TargetStep {}

    record Index(Expression index) implements TargetStep {}
}
