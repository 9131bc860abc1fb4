package org.stapvm.compiler.sema.tapset;

import org.stapvm.lang.inputs.CompileInputs;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * How deep below a tapset directory files are read: the library's own folders (syscall/,
     * linux/) with room to spare, while {@code -I /proc} or {@code -I /tmp} stay a short walk.
     */
    private static final int MAX_DEPTH = 3;

    /** The {@code .stp} files under {@code dir}; unreadable folders and files are passed over. */
    private static List<Path> stpFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(dir, EnumSet.noneOf(FileVisitOption.class), MAX_DEPTH, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && file.toString().endsWith(".stp") && !inRuntimeDir(dir, file)
                            && Files.isReadable(file)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    CompileInputs.folder(d); // a tapset file added here changes what resolves
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE; // a folder we may not read holds no tapsets for us
                }
            });
        } catch (IOException e) {
            return List.of();
        }
        found.sort(null);
        return found;
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
        SourceFile source;
        try {
            source = SourceFile.read(file);
        } catch (IOException e) {
            source = new SourceFile(file.toString(), ""); // vanished or unreadable since listed
        }
        return new TapsetFile(source, preprocess);
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
