package org.stapvm.compiler.sema.tapset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.ast.Script;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

/**
 * The tapset library: every {@code .stp} file under the given directories (in order: -I
 * directories first, then the bundled {@code tapsets/} folder), read once, and an index of which
 * file defines which function, global and probe alias, so elaboration loads only the files a
 * script needs; a file is parsed only when it is loaded. The first directory that defines a
 * name wins.
 */
public final class TapsetPath {

    /** A tapset file, parsed the first time its declarations are asked for. */
    public static final class TapsetFile {
        private final SourceFile source;
        private final TokenPass preprocess;
        private ScriptParser.Result parsed;

        private TapsetFile(SourceFile source, TokenPass preprocess) {
            this.source = source;
            this.preprocess = preprocess;
        }

        public SourceFile source() {
            return source;
        }

        public Script script() {
            return parsed().script();
        }

        public List<Diagnostic> parseErrors() {
            return parsed().errors();
        }

        private ScriptParser.Result parsed() {
            if (parsed == null) {
                parsed = new ScriptParser(preprocess).parse(source);
            }
            return parsed;
        }
    }

    private final List<TapsetFile> files = new ArrayList<>();
    private final Map<String, TapsetFile> functions = new LinkedHashMap<>();
    private final Map<String, TapsetFile> globals = new LinkedHashMap<>();
    /** Alias names (dotted, as written, may hold '*') to their files. */
    private final Map<String, List<TapsetFile>> aliases = new LinkedHashMap<>();

    private final TokenPass preprocess;

    public TapsetPath(List<Path> directories) {
        this(directories, TokenPass.NONE);
    }

    /** @param preprocess how tapset files are preprocessed (the stap preprocessor once lang has it) */
    public TapsetPath(List<Path> directories, TokenPass preprocess) {
        this.preprocess = preprocess;
        for (Path dir : directories) {
            for (Path file : stpFiles(dir)) {
                index(read(file));
            }
        }
    }

    public static TapsetPath empty() {
        return new TapsetPath(List.of());
    }

    /**
     * The bundled tapsets/ folder: the system property {@code stapvm.tapsets} when set, else the
     * nearest {@code tapsets} directory above the working directory.
     */
    public static Path bundled() {
        String prop = System.getProperty("stapvm.tapsets");
        if (prop != null) {
            return Path.of(prop);
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("tapsets"))) {
                return p.resolve("tapsets");
            }
        }
        return Path.of("tapsets");
    }

    /** -I directories, then the bundled library with its part for the user runtime. */
    public static TapsetPath withIncludes(List<Path> includeDirs, TokenPass preprocess) {
        List<Path> dirs = new ArrayList<>(includeDirs);
        dirs.add(bundled());
        dirs.add(runtimeDir(bundled(), "user"));
        return new TapsetPath(dirs, preprocess);
    }

    /**
     * The part of the library written for one runtime ("kernel" or "user"), e.g. where syscall
     * probes attach; a directory walk reads no runtime-* folder below the one it starts in.
     */
    public static Path runtimeDir(Path library, String runtime) {
        return library.resolve(RUNTIME_PREFIX + runtime);
    }

    private static final String RUNTIME_PREFIX = "runtime-";

    private static List<Path> stpFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(".stp") && !inRuntimeDir(dir, p))
                    .sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean inRuntimeDir(Path root, Path file) {
        for (Path part : root.relativize(file)) {
            if (part.toString().startsWith(RUNTIME_PREFIX)) {
                return true;
            }
        }
        return false;
    }

    private TapsetFile read(Path file) {
        try {
            return new TapsetFile(SourceFile.read(file), preprocess);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an in-memory tapset file (tests, -e libraries). */
    public TapsetPath add(SourceFile source) {
        index(new TapsetFile(source, preprocess));
        return this;
    }

    /** Indexes the names the file declares: from a token scan when it can tell, else from a parse. */
    private void index(TapsetFile f) {
        files.add(f);
        DeclarationScan.Names names = DeclarationScan.of(f.source());
        if (names != null) {
            names.functions().forEach(n -> functions.putIfAbsent(n, f));
            names.globals().forEach(n -> globals.putIfAbsent(n, f));
            names.aliases().forEach(n -> aliases.computeIfAbsent(n, k -> new ArrayList<>()).add(f));
            return;
        }
        for (Declaration d : f.script().declarations()) {
            if (d instanceof Declaration.Function fn) {
                functions.putIfAbsent(fn.name(), f);
            } else if (d instanceof Declaration.Global g) {
                globals.putIfAbsent(g.name(), f);
            } else if (d instanceof Declaration.Alias a) {
                for (ProbePoint name : a.names()) {
                    aliases.computeIfAbsent(dotted(name), k -> new ArrayList<>()).add(f);
                }
            }
        }
    }

    public static String dotted(ProbePoint p) {
        return p.components().stream().map(ProbePoint.Component::name).collect(Collectors.joining("."));
    }

    public TapsetFile functionFile(String name) {
        return functions.get(name);
    }

    public TapsetFile globalFile(String name) {
        return globals.get(name);
    }

    /** Files defining an alias whose dotted name matches {@code matcher}. */
    public Set<TapsetFile> aliasFiles(java.util.function.Predicate<String> matcher) {
        Set<TapsetFile> out = new LinkedHashSet<>();
        aliases.forEach((name, fs) -> {
            if (matcher.test(name)) {
                out.addAll(fs);
            }
        });
        return out;
    }

    public Collection<String> functionNames() {
        return functions.keySet();
    }

    public Collection<String> aliasNames() {
        return aliases.keySet();
    }

    public List<TapsetFile> files() {
        return List.copyOf(files);
    }
}
