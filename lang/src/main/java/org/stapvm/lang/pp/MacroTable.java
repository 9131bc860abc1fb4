package org.stapvm.lang.pp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.stapvm.lang.Lexing;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.diag.Diagnostic;

/**
 * Macros by name. One table holds the global macros of the tapset library (.stpm files); each
 * script file gets its own table for the macros it defines, visible only in that file.
 */
public final class MacroTable {
    private final Map<String, Macro> macros = new LinkedHashMap<>();

    public static MacroTable empty() {
        return new MacroTable();
    }

    /** The macro called {@code name} (without '@'), or null. */
    public Macro lookup(String name) {
        return macros.get(name);
    }

    /** Adds {@code macro} unless its name is taken; returns whether it was added. */
    public boolean define(Macro macro) {
        return macros.putIfAbsent(macro.name(), macro) == null;
    }

    public Collection<Macro> all() {
        return Collections.unmodifiableCollection(macros.values());
    }

    public int size() {
        return macros.size();
    }

    /**
     * Preprocesses each .stpm file in order and keeps its @define's, as stap's
     * parse_library_macros: a file that has errors, leaves any token besides definitions and
     * conditionals, or redefines an earlier library macro contributes nothing. Macros of earlier
     * files are visible to later ones.
     */
    public static MacroTable load(List<Path> stpmFiles, PpContext context, Consumer<Diagnostic> diagnostics) {
        MacroTable library = new MacroTable();
        Preprocessor pp = new Preprocessor(library, context, diagnostics);
        for (Path path : stpmFiles) {
            SourceFile file;
            try {
                file = SourceFile.read(path);
            } catch (IOException e) {
                diagnostics.accept(Diagnostic.of(Diagnostic.Kind.FILE_ERROR,
                        "Input file '" + path + "' can't be opened for reading.", null, null, null));
                continue;
            }
            if (!pp.loadLibraryFile(file, Lexing.tokens(file), library)) {
                diagnostics.accept(Diagnostic.of(Diagnostic.Kind.PARSE_WARNING,
                        "macro tapset \"" + file.name() + "\" has errors, and will be skipped.", null, null, null));
            }
        }
        return library;
    }
}
