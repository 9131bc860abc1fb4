/**
 * SystemTap's preprocessor, run on a file's token list before parsing. {@link
 * org.stapvm.lang.pp.Preprocessor} is the entry point; inside, two layers work as stap's do:
 * {@link org.stapvm.lang.pp.MacroExpander} records {@code @define}s and expands macro
 * invocations, and {@link org.stapvm.lang.pp.ConditionalPass} pulls its tokens and keeps one
 * branch of each {@code %( COND %? THEN %: ELSE %)}, judging conditions with {@link
 * org.stapvm.lang.pp.ConditionEvaluator}. Conditions are read through the expander because
 * macros may expand to conditions (tapset/sreg_arch.stpm), and macro bodies may hold conditionals.
 * Global macros come from the tapset library's .stpm files ({@link org.stapvm.lang.pp.MacroTable#load},
 * {@link org.stapvm.lang.pp.LibraryMacroFiles}).
 */
package org.stapvm.lang.pp;
