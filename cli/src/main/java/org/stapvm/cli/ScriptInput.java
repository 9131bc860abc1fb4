package org.stapvm.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.stapvm.lang.SourceFile;

/** Where the user's script comes from: -e text, a file, or '-' for standard input. */
final class ScriptInput {
    private ScriptInput() {}

    /** The script, or null when none was given. */
    static SourceFile from(Options options) throws IOException {
        if (options.script != null) {
            return new SourceFile("<input>", options.script);
        }
        if (options.positionals.isEmpty()) {
            return null;
        }
        String name = options.positionals.get(0);
        if (name.equals("-")) {
            return new SourceFile("<input>", new String(System.in.readAllBytes(), StandardCharsets.ISO_8859_1));
        }
        return SourceFile.read(Path.of(name));
    }
}
