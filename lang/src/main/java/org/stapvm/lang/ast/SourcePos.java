package org.stapvm.lang.ast;

/** Where a node or token starts: file name as the user gave it, 1-based line and column. */
public record SourcePos(String file, int line, int column) {
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
