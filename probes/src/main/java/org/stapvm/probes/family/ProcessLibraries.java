package org.stapvm.probes.family;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeProvider.Failure;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.symbols.SharedLibraries;

/**
 * {@code process("PATH").library("LIB").function(...)} (and {@code .statement}, {@code .plt}, {@code .mark}):
 * the points of each shared library PATH loads ({@link SharedLibraries}) that LIB names, resolved as
 * {@code process("LIBPATH")...} is and so named so in pp(), as stap does. LIB is a path (a glob, matched
 * against where the library was found and its canonical path) or, without a '/', a glob over the
 * libraries' file names (a soname: {@code libc.so.6}).
 */
final class ProcessLibraries {
    private ProcessLibraries() {}

    /** How the points of one file are resolved (ProcessProbes.inFile). */
    interface InFile {
        List<ProbeSpec> resolve(String path, ProbePoint.Component event, List<ProbePoint.Component> rest,
                                Consumer<Failure> fail);
    }

    static List<ProbeSpec> resolve(String path, ProbePoint.Component c, List<ProbePoint.Component> rest, InFile inFile,
                                   Consumer<Failure> fail) {
        if (path == null || !(c.argument() instanceof Expression.StringLiteral lib) || rest.isEmpty()) {
            fail.accept(new Failure("probe point mismatch", rest.isEmpty() || path == null ? c : rest.get(0)));
            return null;
        }
        List<SharedLibraries.Library> libs;
        try {
            libs = SharedLibraries.of(Path.of(path));
        } catch (IOException e) {
            fail.accept(new Failure("cannot read ELF file '" + path + "': " + e.getMessage(), null));
            return null;
        }
        String pattern = lib.value();
        List<ProbeSpec> out = new ArrayList<>();
        for (SharedLibraries.Library l : libs) {
            if (!matches(pattern, l)) {
                continue;
            }
            List<ProbeSpec> found = inFile.resolve(l.canonical().toString(), rest.get(0), rest.subList(1, rest.size()), fail);
            if (found == null) {
                return null;
            }
            for (ProbeSpec spec : found) {
                out.add(ProbeSpec.process(spec.user().inProgram(path), spec.record()));
            }
        }
        if (out.isEmpty()) {
            List<String> names = libs.stream().map(l -> l.found().toString()).toList();
            String similar = Similar.suggest(pattern, names, 5);
            fail.accept(new Failure("no match" + (similar.isEmpty() ? "" : " (similar libraries: " + similar + ")"), null));
            return null;
        }
        return out;
    }

    private static boolean matches(String pattern, SharedLibraries.Library l) {
        if (pattern.indexOf('/') < 0) {
            return Glob.FUNCTION_NAMES.matches(pattern, l.found().getFileName().toString());
        }
        if (Glob.FUNCTION_NAMES.matches(pattern, l.found().toString())
                || Glob.FUNCTION_NAMES.matches(pattern, l.canonical().toString())) {
            return true;
        }
        try {
            return Path.of(pattern).toRealPath().equals(l.canonical());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
