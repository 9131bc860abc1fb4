package org.stapvm.lang.pp;

import org.stapvm.lang.inputs.CompileInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which .stpm files of a tapset directory stap loads for a context, in its order: for the kernel
 * runtime, directories named after the kernel release, version and version families, each with
 * an architecture variant first, and each of those under the runtime's directory ("linux") first.
 */
public final class LibraryMacroFiles {
    private LibraryMacroFiles() {}

    public static List<Path> select(Path tapsetDir, PpContext context) {
        List<Path> files = new ArrayList<>();
        for (String suffix : searchSuffixes(context)) {
            Path dir = suffix.isEmpty() ? tapsetDir : tapsetDir.resolve(suffix);
            try (Stream<Path> entries = Files.list(dir)) {
                CompileInputs.folder(dir);
                entries.filter(p -> p.getFileName().toString().endsWith(".stpm") && Files.isRegularFile(p))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                // Most of the candidate directories do not exist.
            }
        }
        return files;
    }

    /** Relative directories, most specific first; "" is the tapset directory itself. */
    static List<String> searchSuffixes(PpContext context) {
        List<String> versions = new ArrayList<>();
        if (context.runtime().equals("kernel")) {
            String release = context.kernelRelease();
            versions.add(release);
            String version = context.kernelVersion();
            if (!version.equals(release)) {
                versions.add(version);
            }
            // Families: "6.1.0" -> "6.1", stopping at the first dot.
            for (int dot = version.lastIndexOf('.'); dot > version.indexOf('.'); dot = version.lastIndexOf('.')) {
                version = version.substring(0, dot);
                versions.add(version);
            }
        }
        versions.add("");
        String runtimeDir = switch (context.runtime()) {
            case "kernel" -> "linux";
            case "dyninst" -> "dyninst";
            case "bpf" -> "bpf";
            default -> "";
        };
        List<String> suffixes = new ArrayList<>();
        for (String v : versions) {
            for (String withArch : List.of(join(v, context.arch()), v)) {
                if (!runtimeDir.isEmpty()) {
                    suffixes.add(join(runtimeDir, withArch));
                }
                suffixes.add(withArch);
            }
        }
        return suffixes;
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "/" + b;
    }
}
