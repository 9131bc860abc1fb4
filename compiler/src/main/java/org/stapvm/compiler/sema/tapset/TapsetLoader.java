package org.stapvm.compiler.sema.tapset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.ast.Declaration;

/**
 * Pulls tapset files into a program on demand: the first time a name is found in a file, every
 * declaration of that file joins the program (as stap does); later lookups of names in a loaded
 * file cost nothing. Loaded files are returned in load order so diagnostics stay deterministic.
 */
public final class TapsetLoader {
    private final TapsetPath path;
    private final Set<TapsetPath.TapsetFile> loaded = new LinkedHashSet<>();
    private final List<Declaration> pending = new ArrayList<>();

    public TapsetLoader(TapsetPath path) {
        this.path = path;
    }

    public TapsetPath path() {
        return path;
    }

    /** Loads the file, if any; returns whether it was newly loaded. */
    public boolean load(TapsetPath.TapsetFile file) {
        if (file == null || !loaded.add(file)) {
            return false;
        }
        pending.addAll(file.script().declarations());
        return true;
    }

    /** Declarations that joined the program since the last call. */
    public List<Declaration> drain() {
        List<Declaration> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    public List<TapsetPath.TapsetFile> loaded() {
        return List.copyOf(loaded);
    }
}
