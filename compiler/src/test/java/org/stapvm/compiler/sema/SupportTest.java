package org.stapvm.compiler.sema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.SourcePos;
import org.stapvm.lang.diag.DiagnosticReport;

/** The small pieces: format parsing, the report renderer, the builtin table, the tapset index. */
class SupportTest {

    @Test
    void formatConversions() {
        assertEquals(List.of(Type.LONG, Type.STRING, Type.LONG, Type.LONG, Type.LONG),
                FormatCheck.conversions("%-5d %s %*x %% %#lx\n"));
        assertEquals(List.of(Type.LONG, Type.LONG), FormatCheck.conversions("%.*d"));
        assertNull(FormatCheck.conversions("%q"));
        assertNull(FormatCheck.conversions("%"));
        assertNull(FormatCheck.conversions("%lld")); // stap 4.8 knows one 'l' only
        assertNull(FormatCheck.conversions("%-+5d")); // nor more than one flag
    }

    @Test
    void reportPrintsAFileOnlyWhenItChanges() {
        Diagnostics d = new Diagnostics();
        d.addFile(new SourceFile("a.stp", "probe begin { print(y) }"));
        d.addWarning("never-assigned local variable 'y'", "identifier 'y'", new SourcePos("a.stp", 1, 21));
        d.addError("unresolved type ", "identifier 'y'", new SourcePos("a.stp", 1, 21));
        assertEquals("WARNING: never-assigned local variable 'y': identifier 'y' at a.stp:1:21\n"
                + " source: probe begin { print(y) }\n"
                + "                             ^\n"
                + "semantic error: unresolved type : identifier 'y' at :1:21\n"
                + "        source: probe begin { print(y) }\n"
                + "                                    ^\n\n"
                + "Pass 2: analysis failed.  [man error::pass2]\n", DiagnosticReport.pass(d.all(), false));
    }

    @Test
    void identicalErrorsAreSuppressedAndCounted() {
        Diagnostics d = new Diagnostics();
        d.addError("x", null, null);
        d.addError("x", null, null);
        assertEquals("semantic error: x\n\nPass 2: analysis failed.  [man error::pass2]\n"
                + "Number of similar error messages suppressed: 1.\nRerun with -v to see them.\n",
                DiagnosticReport.pass(d.all(), false));
    }

    @Test
    void builtinTableIsData() {
        Builtins.Builtin substr = Builtins.lookup("substr");
        assertEquals(List.of(Type.STRING, Type.LONG, Type.LONG), substr.params());
        assertEquals(Type.STRING, substr.result());
        assertEquals(Builtins.Shape.FORMAT, Builtins.lookup("printf").shape());
        assertNull(Builtins.lookup("exit").result());
    }

    @Test
    void tapsetIndexKnowsWhoDefinesWhat() {
        TapsetPath path = new TapsetPath(List.of(SemTesting.TAPSETS));
        assertTrue(path.functionFile("start_stopwatch").source().name().endsWith("stopwatch.stp"));
        assertTrue(path.globalFile("__periodic_ticks").source().name().endsWith("periodic.stp"));
        assertTrue(path.aliasNames().contains("periodic.second"));
        assertNull(path.functionFile("no_such_function"));
        // every library file parses as pass 1 reads it: preprocessed, with the macros of a runtime's part
        List<java.nio.file.Path> dirs = List.of(SemTesting.TAPSETS, TapsetPath.runtimeDir(SemTesting.TAPSETS, "user"));
        TapsetPath preprocessed = new TapsetPath(dirs, org.stapvm.lang.Pass1.create(
                org.stapvm.lang.pp.PpContext.forKernel("6.1.0-57-amd64", 0), dirs).preprocessor());
        for (TapsetPath.TapsetFile f : preprocessed.files()) {
            assertTrue(f.parseErrors().isEmpty(), f.source().name() + ": " + f.parseErrors());
        }
    }

    @Test
    void earlierDirectoriesWin() {
        TapsetPath path = TapsetPath.empty().add(new SourceFile("first.stp", "function f() { return 1 }"))
                .add(new SourceFile("second.stp", "function f() { return 2 }"));
        assertEquals("first.stp", path.functionFile("f").source().name());
    }

    @Test
    void includeDirectoriesComeBeforeTheBundledLibrary(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Files.writeString(dir.resolve("mine.stp"), "function ansi_reset_color() { print(\"reset\") }\n");
        TapsetPath path = TapsetPath.withIncludes(List.of(dir), org.stapvm.lang.parse.TokenPass.NONE);
        assertTrue(path.functionFile("ansi_reset_color").source().name().endsWith("mine.stp"));
        assertTrue(path.functionFile("ansi_set_color").source().name().endsWith("ansi.stp"));
    }

    @Test
    void parseErrorsOfANeededTapsetFileAreReported() {
        TapsetPath path = TapsetPath.empty().add(new SourceFile("bad.stp", "function broken() { return 1 }\nfunction other() { return + }"));
        CheckedProgram p = SemTesting.elaborate("t.stp", "probe begin { broken() }", path, List.of());
        assertTrue(p.report().startsWith("parse error: "), p.report());
        CheckedProgram unaffected = SemTesting.elaborate("t.stp", "probe begin { print(1) }", path, List.of());
        assertTrue(unaffected.ok(), unaffected.report());
    }
}
