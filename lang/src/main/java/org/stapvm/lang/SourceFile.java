package org.stapvm.lang;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A script's text and the name errors call it by (a path, or "<input>" for -e). */
public record SourceFile(String name, String text) {

    public static SourceFile read(Path path) throws IOException {
        // SystemTap reads bytes; Latin-1 keeps every byte as one char, so columns stay exact.
        return new SourceFile(path.toString(), new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
    }

    /** Line {@code n} (1-based) without its line terminator, or null past the end. */
    public String line(int n) {
        int start = 0;
        for (int i = 1; i < n; i++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = text.indexOf('\n', start);
        String line = end < 0 ? text.substring(start) : text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
