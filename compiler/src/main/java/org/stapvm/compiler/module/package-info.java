/** The module file of runtime-native/vm/doc/bytecode.md: {@link org.stapvm.compiler.module.Module} values, writer and reader. */
package org.stapvm.compiler.module;
