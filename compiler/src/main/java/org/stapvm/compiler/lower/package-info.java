/**
 * Pass 3: lowering a {@link org.stapvm.compiler.sema.CheckedProgram} to a bytecode
 * {@link org.stapvm.compiler.module.Module}.
 *
 * <p>Entry point: {@link org.stapvm.compiler.lower.Lower#run}, which lays out globals, functions
 * and probes. The interned tables (strings, constants, regexes, global and function indexes,
 * source map) are one {@link org.stapvm.compiler.lower.ModuleTables} value handed to each body.
 * One body is {@link org.stapvm.compiler.lower.FunctionLowering} (variables in fixed registers,
 * then the statements), which drives {@link org.stapvm.compiler.lower.StatementLowering},
 * {@link org.stapvm.compiler.lower.ExpressionLowering} and {@link org.stapvm.compiler.lower.CallLowering};
 * these walk the AST and leave instructions, labels, patching and register reservation to
 * {@link org.stapvm.compiler.lower.Emitter} (as Lua's lcode.c beside lparser.c).
 * {@link org.stapvm.compiler.lower.GlobalsDisplay} makes the end handler printing one
 * unread global; {@link org.stapvm.compiler.lower.Optimize} folds constants.
 */
package org.stapvm.compiler.lower;
