package org.stapvm.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.stapvm.compiler.sema.ResolvedProbe;
import org.stapvm.compiler.sema.tapset.TapsetPath;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.ValueType;

/**
 * stap's --dump-functions and --dump-probe-aliases over stapvm's own tapset library (and -I
 * directories), in stap 4.8's line shapes: {@code name:type (param:type, ...)} with "unknown"
 * for an undeclared type, sorted by {@code name:type} (overloads in definition order), private
 * and {@code _}-prefixed functions left out; {@code name = target, target?} (or {@code +=}),
 * one line per alias name but the {@code _}-prefixed ones, sorted. Functions the compiler lowers to helpers (strlen, stringat...)
 * are not tapset files and are not listed.
 */
final class LibraryDump {
    private LibraryDump() {}

    static int functions(Options options, PrintStream out) {
        List<String[]> rows = new ArrayList<>();   // {sort key, line}
        for (TapsetPath.TapsetFile f : library(options).files()) {
            for (Declaration d : f.script().declarations()) {
                if (d instanceof Declaration.Function fn && !fn.isPrivate() && !fn.name().startsWith("_")) {
                    String head = fn.name() + ":" + type(fn.returnType());
                    String params = fn.params().stream().map(p -> p.name() + ":" + type(p.type()))
                            .collect(Collectors.joining(", "));
                    rows.add(new String[] {head, head + " (" + params + ")"});
                }
            }
        }
        rows.sort(Comparator.comparing(r -> r[0]));   // stable: overloads keep their order
        rows.forEach(r -> out.println(r[1]));
        return 0;
    }

    static int aliases(Options options, PrintStream out) {
        TreeSet<String> lines = new TreeSet<>();
        for (TapsetPath.TapsetFile f : library(options).files()) {
            for (Declaration d : f.script().declarations()) {
                if (d instanceof Declaration.Alias a) {
                    String targets = a.targets().stream().map(LibraryDump::point).collect(Collectors.joining(", "));
                    for (ProbePoint name : a.names()) {
                        if (point(name).startsWith("_")) {
                            continue;   // stap lists no internal (_-prefixed) alias
                        }
                        lines.add(point(name) + (a.epilogue() ? " += " : " = ") + targets);
                    }
                }
            }
        }
        lines.forEach(out::println);
        return 0;
    }

    private static TapsetPath library(Options options) {
        return new TapsetPath(FrontEnd.tapsetDirs(options), FrontEnd.pass1(options).preprocessor());
    }

    private static String type(ValueType t) {
        return t == null ? "unknown" : t.text;
    }

    /** A point as stap prints it: components with literal arguments, then its ? or ! marker. */
    private static String point(ProbePoint p) {
        return ResolvedProbe.text(p) + p.marker().text;
    }
}
