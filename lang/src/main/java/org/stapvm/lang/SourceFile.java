package org.stapvm.lang;

import org.stapvm.lang.inputs.CompileInputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** A script's text and the name errors call it by (a path, or "<input>" for -e). */
public final class SourceFile {
    private final String name;
    private final String text;
    /** Where each line starts, made at the first {@link #line} call: every diagnostic quotes its line. */
    private volatile int[] lineStarts;

    public SourceFile(String name, String text) {
        this.name = name;
        this.text = text;
    }

    public static SourceFile read(Path path) throws IOException {
        // SystemTap reads bytes; Latin-1 keeps every byte as one char, so columns stay exact.
        CompileInputs.file(path);
        return new SourceFile(path.toString(), new String(Files.readAllBytes(path), StandardCharsets.ISO_8859_1));
    }

    public String name() {
        return name;
    }

    public String text() {
        return text;
    }

    /** Line {@code n} (1-based) without its line terminator, or null past the end. */
    public String line(int n) {
        int[] starts = lineStarts();
        int k = Math.max(n, 1);   // as before: line 0 (no position) is the first line
        if (k > starts.length) {
            return null;
        }
        int start = starts[k - 1];
        int end = k < starts.length ? starts[k] - 1 : text.length();
        String line = text.substring(start, end);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private int[] lineStarts() {
        int[] starts = lineStarts;
        if (starts == null) {
            starts = new int[16];
            int count = 1;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = i + 1;
            }
            lineStarts = starts = Arrays.copyOf(starts, count);
        }
        return starts;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFile f && name.equals(f.name) && text.equals(f.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, text);
    }

    @Override
    public String toString() {
        return "SourceFile[name=" + name + ", text=" + text + "]";
    }
}
