package org.stapvm.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** A file replaced whole: written beside it, then renamed over it, so a reader never sees half of it. */
final class AtomicWrite {
    private AtomicWrite() {}

    /** Writes bytes to file; on failure nothing is left beside it and file is unchanged. */
    static void write(Path file, byte[] bytes, String suffix) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + suffix);
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the caller reports e: the file was not written
            }
            throw e;
        }
    }
}
