package org.stapvm.lang.ast;

/** Where a target expression starts. */
public sealed interface TargetBase {

    /** $name or $$vars / $$parms / $$locals / $$return (name keeps its dollars). */
    record Variable(String name) implements TargetBase {}

    /**
     * @cast(address, "type" [, "module"]); type and module are string literals (or script
     * arguments, @1); module is null when absent.
     */
    record Cast(Expression address, Expression type, Expression module) implements TargetBase {}

    /** @var("name[@file]" [, "module"]). */
    record Var(String name, String module) implements TargetBase {}

    /** Any other expression followed by ->member: its type comes from where the value came from. */
    record Autocast(Expression value) implements TargetBase {}

    /** @kregister(n) or @uregister(n). */
    record Register(boolean user, Expression number) implements TargetBase {}
}
