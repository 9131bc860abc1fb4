/**
 * Pass 3: lowering a {@link org.stapvm.compiler.sema.CheckedProgram} to a bytecode
 * {@link org.stapvm.compiler.module.Module}.
 *
 * <p>Entry point: {@link org.stapvm.compiler.lower.Lower#run}. {@code Lower} lays out the tables
 * (strings, constants, globals, functions, probes, source map); {@link
 * org.stapvm.compiler.lower.FunctionLowering} generates the code of one body (register
 * allocation: variables in fixed int/string registers, statement-scoped temporaries above them;
 * windows for calls, helpers and array keys); {@link org.stapvm.compiler.lower.Optimize} folds
 * constants. Constructs the runtime cannot run yet raise {@link
 * org.stapvm.compiler.lower.LowerException}.
 */
package org.stapvm.compiler.lower;
