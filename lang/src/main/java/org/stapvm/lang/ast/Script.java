package org.stapvm.lang.ast;

import java.util.List;

/** One parsed file: its declarations in source order. */
public record Script(String file, List<Declaration> declarations) {
    public Script { declarations = List.copyOf(declarations); }
}
