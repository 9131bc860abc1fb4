package org.stapvm.lang.ast;

/** One key variable of a foreach, with its sort mark. */
public record ForeachKey(SourcePos pos, String name, SortOrder sort) {}
