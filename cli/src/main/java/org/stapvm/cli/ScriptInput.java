package org.stapvm.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stapvm.lang.SourceFile;

/** Where the user's script comes from: -e text, a file, or '-' for standard input. */
final class ScriptInput {
    private ScriptInput() {}

    /** The largest script read: far above any real script, far below what exhausts the heap (/dev/zero). */
    static final int MAX_SCRIPT = 64 << 20;

    /** The script file named (as the message) is larger than {@link #MAX_SCRIPT}. */
    static final class TooLarge extends IOException {
        TooLarge(String name) {
            super(name);
        }
    }

    /** Where stap 4.8 keeps its example scripts (systemtap-doc), which --example looks in. */
    static final Path EXAMPLES = Path.of("/usr/share/systemtap/examples");

    /** --example names a script that is not among {@link #EXAMPLES}' scripts (the message is its name). */
    static final class NotAnExample extends IOException {
        NotAnExample(String name) {
            super(name);
        }
    }

    /** The -E scripts, named as stap names them: {@code <input1>}, {@code <input2>}, ... */
    static java.util.List<SourceFile> extra(Options options) {
        java.util.List<SourceFile> files = new java.util.ArrayList<>();
        for (String text : options.extraScripts) {
            files.add(new SourceFile("<input" + (files.size() + 1) + ">", text));
        }
        return files;
    }

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
            return new SourceFile("<input>", read(System.in, name));
        }
        Path path = options.example ? example(name) : Path.of(name);
        if (!Files.exists(path)) {
            throw new java.nio.file.NoSuchFileException(name);
        }
        if (Files.isDirectory(path)) {
            throw new IOException("it is a directory");
        }
        try (InputStream in = Files.newInputStream(path)) {
            // an example is named by its path, as stap names it; any other file as given
            return new SourceFile(options.example ? path.toString() : name, read(in, name));
        }
    }

    /**
     * The example script called {@code name}, as stap finds it: a file NAME.stp at any depth
     * under {@link #EXAMPLES}, compared by its whole file name (no paths, no wildcards).
     */
    private static Path example(String name) throws IOException {
        if (!name.endsWith(".stp") || name.contains("/") || !Files.isDirectory(EXAMPLES)) {
            throw new NotAnExample(name);
        }
        try (java.util.stream.Stream<Path> files = Files.walk(EXAMPLES)) {
            return files.filter(p -> p.getFileName().toString().equals(name) && Files.isRegularFile(p))
                    .sorted().findFirst().orElseThrow(() -> new NotAnExample(name));
        }
    }

    /** At most MAX_SCRIPT bytes as ISO-8859-1 (as SourceFile reads files: every byte one char). */
    private static String read(InputStream in, String name) throws IOException {
        byte[] bytes = in.readNBytes(MAX_SCRIPT + 1);
        if (bytes.length > MAX_SCRIPT) {
            throw new TooLarge(name);
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
