/**
 * Pass 2: elaboration and semantic analysis, for the userspace runtime's probe points.
 *
 * <p>Entry point: {@link org.stapvm.compiler.sema.Elaborate#run} (parsed script, its source,
 * a {@link org.stapvm.compiler.sema.tapset.TapsetPath}, the script arguments) returns an
 * immutable {@link org.stapvm.compiler.sema.CheckedProgram}. Passes, in order:
 * {@link org.stapvm.compiler.sema.ExpandAliases} (probe aliases, native probe points),
 * {@link org.stapvm.compiler.sema.ResolveSymbols} (variables, functions, tapset loading,
 * script arguments), {@link org.stapvm.compiler.sema.CheckUsage} (never-assigned warnings,
 * foreach modification, globals printed at the end), {@link org.stapvm.compiler.sema.InferTypes}
 * (fixed-point types) and {@link org.stapvm.compiler.sema.CheckResolved} (unresolved types).
 *
 * <p>What lowering reads from a CheckedProgram:
 * <ul>
 * <li>{@code probes()}: one {@link org.stapvm.compiler.sema.Unit} per expanded probe handler;
 *     {@code unit.probe().spec()} is the native point (kind, begin/end sequence, timer period),
 *     {@code unit.body()} the merged body (alias prologues, user body, epilogues).</li>
 * <li>{@code functions()}: the reachable script and tapset functions, as Units.</li>
 * <li>per Unit: {@code variable(expr)} for a Symbol or ArrayElement (the array),
 *     {@code foreachKey(key)}, {@code foreachValue(loop)}, {@code catchVar(try)},
 *     {@code callee(call)} (a native {@link org.stapvm.compiler.sema.Builtins.Builtin} or a
 *     script function's Unit), {@code params()} and {@code locals()} (slots: parameters first).</li>
 * <li>{@code globals()} (slot = index), {@code arity()}, {@code types()} (scalar or array
 *     value type; stats for aggregates), {@code keyTypes()}, {@code returnTypes()},
 *     {@code typeOf(unit, expr)} for any expression, {@code printAtEnd()} (globals written and never read).</li>
 * <li>{@code diagnostics()} and {@code report()}: stap's exact stderr text.</li>
 * </ul>
 * Nodes of an alias body shared by several probes appear in each probe's Unit, so all
 * side tables are per Unit and keyed by node identity.
 */
package org.stapvm.compiler.sema;
