package org.stapvm.lang.pp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stapvm.lang.diag.Diagnostic;

/** Library (.stpm) macros: loading, scoping against a script's own macros; behaviour checked with stap -I. */
class MacroTableTest {
    private static final Path TAPSETS = Path.of("/usr/share/systemtap/tapset");

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static List<String> describe(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.pos() == null ? d.kind().label + ": " + d.message()
                : d.pos().line() + ":" + d.pos().column() + " " + d.message()).toList();
    }

    @Test
    void loadsEveryInstalledStpmWithoutErrors() throws IOException {
        assumeTrue(Files.isDirectory(TAPSETS), "systemtap tapsets not installed");
        Set<Path> all;
        try (Stream<Path> files = Files.walk(TAPSETS)) {
            all = files.filter(p -> p.toString().endsWith(".stpm")).collect(Collectors.toSet());
        }
        // The runtime directories define the same names (linux/ and dyninst/ both have @errno),
        // so, as stap does, each runtime loads its own selection.
        Set<Path> loaded = new HashSet<>();
        for (String runtime : List.of("kernel", "dyninst", "bpf")) {
            PpContext context = Pp.CONTEXT.withRuntime(runtime);
            List<Path> files = LibraryMacroFiles.select(TAPSETS, context);
            List<Diagnostic> diagnostics = new ArrayList<>();
            MacroTable table = MacroTable.load(files, context, diagnostics::add);
            assertEquals(List.of(), describe(diagnostics), runtime);
            assertNotNull(table.lookup("choose_defined"), runtime);
            loaded.addAll(files);
        }
        assertEquals(all, loaded);
        MacroTable kernel = MacroTable.load(LibraryMacroFiles.select(TAPSETS, Pp.CONTEXT), Pp.CONTEXT, d -> { });
        assertNotNull(kernel.lookup("errno"));
        assertNotNull(kernel.lookup("_IS_SREG_KERNEL"));
    }

    @Test
    void installedMacrosExpandInScripts() {
        assumeTrue(Files.isDirectory(TAPSETS), "systemtap tapsets not installed");
        MacroTable library = MacroTable.load(LibraryMacroFiles.select(TAPSETS, Pp.CONTEXT), Pp.CONTEXT, d -> { });
        Pp pp = Pp.run("%( @_IS_SREG_KERNEL %? sreg %: plain %) @choose_defined($a, 0)", library, Pp.CONTEXT);
        assertEquals(List.of(), pp.errors());
        assertEquals("sreg ( @defined ( $a ) ? ( $a ) : ( 0 ) )", pp.text());
    }

    @Test
    void scriptMacrosShadowLibraryOnesButLibraryBodiesDoNotSeeThem() throws IOException {
        Path lib = write("a.stpm", "@define lib %( [@helper] %)\n@define wrap(x) %( (@x) %)\n"
                + "%( arch == \"x86_64\" %? @define archname %( \"x86\" %) %: @define archname %( \"other\" %) %)\n");
        List<Diagnostic> diagnostics = new ArrayList<>();
        MacroTable library = MacroTable.load(List.of(lib), Pp.CONTEXT, diagnostics::add);
        assertEquals(List.of(), diagnostics);
        assertEquals(Set.of("lib", "wrap", "archname"),
                library.all().stream().map(Macro::name).collect(Collectors.toSet()));

        String script = "@define helper %( 1 %)\n";
        // An argument is read where it was written, so it sees the script's @helper.
        assertEquals("( 1 ) \"x86\"", Pp.run(script + "@wrap(@helper) @archname", library, Pp.CONTEXT).text());
        // The library body does not: @helper stays for the parser to report, as stap does.
        assertEquals("[ @helper ]", Pp.run(script + "@lib", library, Pp.CONTEXT).text());
        assertEquals("local", Pp.run("@define lib %( local %)\n@lib", library, Pp.CONTEXT).text());
        // Macros of one script are not visible to another.
        assertEquals("@helper", Pp.run("@helper", library, Pp.CONTEXT).text());
    }

    @Test
    void duplicateLibraryMacroRejectsTheWholeFile() throws IOException {
        Path a = write("a.stpm", "@define wrap(x) %( (@x) %)\n");
        Path b = write("b.stpm", "@define other %( 2 %)\n@define wrap %( 1 %)\n");
        List<Diagnostic> diagnostics = new ArrayList<>();
        MacroTable library = MacroTable.load(List.of(a, b), Pp.CONTEXT, diagnostics::add);
        assertEquals(List.of("2:9 duplicate definition of library macro '@wrap'",
                "1:9 macro '@wrap' first defined here",
                "WARNING: macro tapset \"" + b + "\" has errors, and will be skipped."), describe(diagnostics));
        assertEquals(dir.resolve("b.stpm").toString(), diagnostics.get(0).pos().file());
        assertEquals(a.toString(), diagnostics.get(1).pos().file());
        assertNull(library.lookup("other"));
        assertEquals(List.of("x"), library.lookup("wrap").params());
    }

    @Test
    void strayTokenRejectsTheWholeFile() throws IOException {
        Path c = write("c.stpm", "@define zz %( 1 %)\nx\n");
        List<Diagnostic> diagnostics = new ArrayList<>();
        MacroTable library = MacroTable.load(List.of(c), Pp.CONTEXT, diagnostics::add);
        assertEquals(List.of("2:1 unexpected token in library macro file '" + c + "'",
                "WARNING: macro tapset \"" + c + "\" has errors, and will be skipped."), describe(diagnostics));
        assertEquals(0, library.size());
    }

    @Test
    void laterLibraryFilesSeeEarlierMacros() throws IOException {
        Path a = write("a.stpm", "@define is64 %( arch == \"x86_64\" %)\n");
        Path b = write("b.stpm", "%( @is64 %? @define bits %( 64 %) %: @define bits %( 32 %) %)\n");
        MacroTable library = MacroTable.load(List.of(a, b), Pp.CONTEXT, d -> { throw new AssertionError(d.render()); });
        assertEquals("64", Pp.run("@bits", library, Pp.CONTEXT).text());
    }

    @Test
    void missingFileIsReported() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        MacroTable.load(List.of(dir.resolve("nope.stpm")), Pp.CONTEXT, diagnostics::add);
        assertEquals(List.of("error: Input file '" + dir.resolve("nope.stpm") + "' can't be opened for reading."),
                describe(diagnostics));
    }
}
