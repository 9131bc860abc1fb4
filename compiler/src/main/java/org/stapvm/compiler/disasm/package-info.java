/** Readable text of a module ({@code stapvm -p3}), in the assembler syntax of runtime-native. */
package org.stapvm.compiler.disasm;
