package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibraryMacroFilesTest {
    @TempDir
    Path dir;

    @Test
    void kernelSearchOrderAsStap() {
        assertEquals(List.of(
                "linux/6.1.0-56-amd64/x86_64", "6.1.0-56-amd64/x86_64", "linux/6.1.0-56-amd64", "6.1.0-56-amd64",
                "linux/6.1.0/x86_64", "6.1.0/x86_64", "linux/6.1.0", "6.1.0",
                "linux/6.1/x86_64", "6.1/x86_64", "linux/6.1", "6.1",
                "linux/x86_64", "x86_64", "linux", ""), LibraryMacroFiles.searchSuffixes(Pp.CONTEXT));
    }

    @Test
    void otherRuntimesHaveNoVersionDirectories() {
        assertEquals(List.of("dyninst/x86_64", "x86_64", "dyninst", ""),
                LibraryMacroFiles.searchSuffixes(Pp.CONTEXT.withRuntime("dyninst")));
    }

    @Test
    void selectsExistingStpmFilesInOrder() throws IOException {
        Files.createDirectories(dir.resolve("linux"));
        Files.createDirectories(dir.resolve("dyninst"));
        for (String f : List.of("b.stpm", "a.stpm", "x.stp", "linux/l.stpm", "dyninst/d.stpm")) {
            Files.writeString(dir.resolve(f), "");
        }
        assertEquals(List.of(dir.resolve("linux/l.stpm"), dir.resolve("a.stpm"), dir.resolve("b.stpm")),
                LibraryMacroFiles.select(dir, Pp.CONTEXT));
    }
}
