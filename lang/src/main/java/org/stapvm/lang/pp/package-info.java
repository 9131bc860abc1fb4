/**
 * SystemTap's preprocessor, run on the token list before parsing, in two layers as stap does:
 * {@link org.stapvm.lang.pp.MacroExpander} records {@code @define}s and expands macro
 * invocations; {@link org.stapvm.lang.pp.Preprocessor} pulls its tokens and keeps one branch of
 * each {@code %( COND %? THEN %: ELSE %)}. Conditions are read through the expander because
 * macros may expand to conditions (tapset/sreg_arch.stpm), and macro bodies may hold conditionals.
 */
package org.stapvm.lang.pp;
