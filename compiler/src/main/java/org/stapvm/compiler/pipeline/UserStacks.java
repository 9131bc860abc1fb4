package org.stapvm.compiler.pipeline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.stapvm.compiler.bytecode.Opcode;
import org.stapvm.compiler.module.Module;
import org.stapvm.compiler.sema.CheckedProgram;
import org.stapvm.compiler.sema.Unit;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.dwarf.UnwindRows;
import org.stapvm.probes.nativebridge.DwarfReader;
import org.stapvm.lang.diag.Diagnostic;
import org.stapvm.lang.diag.DiagnosticReport;

/**
 * The files whose unwind rows a module carries, so ubacktrace() and print_ubacktrace() (and the tapset
 * functions over them) unwind by CFI: when the script reads a user stack, the files its process probes
 * name, the {@code -d} files and, with {@code --ldd}, the shared libraries those load, as stap takes
 * unwind data from them. A script that reads no user stack carries none.
 */
public final class UserStacks {
    /** What the command line asks for: {@code -d FILE} (each), {@code --ldd}. */
    public record Request(List<String> modules, boolean ldd) {
        public static final Request NONE = new Request(List.of(), false);

        public Request {
            modules = List.copyOf(modules);
        }
    }

    private UserStacks() {}

    /** The rows of the files {@code request} and {@code program} name; a file without CFI is a warning. */
    static List<UnwindRows> collect(Module module, CheckedProgram program, Request request, Pipeline.Channel channel) {
        if (!readsUserStack(module)) {
            return List.of();
        }
        Set<String> files = new LinkedHashSet<>();
        for (Unit u : program.probes()) {
            UserPoint p = u.probe() == null ? null : u.probe().spec().user();
            if (p != null && p.path() != null) {
                files.add(p.path());
            }
        }
        for (String m : request.modules()) {
            files.add(canonical(m));
        }
        if (request.ldd()) {
            for (String f : List.copyOf(files)) {
                files.addAll(sharedLibraries(f));
            }
        }
        List<UnwindRows> out = new ArrayList<>();
        List<Diagnostic> warnings = new ArrayList<>();
        for (String f : files) {
            try {
                out.add(UnwindRows.read(f));
            } catch (DwarfReader.Failure e) {
                warnings.add(Diagnostic.of(Diagnostic.Kind.SEMANTIC_WARNING, "cannot find module " + f + " unwind data: "
                        + e.getMessage() + " [man warning::debuginfo]", null, null, null));
            }
        }
        if (!warnings.isEmpty()) {
            channel.diagnostics(DiagnosticReport.each(warnings));
        }
        return out.size() > 64 ? out.subList(0, 64) : out; // the runtimes take at most 64 files (unwind.h)
    }

    /** Whether a function of {@code m} calls the helpers that walk the user stack. */
    static boolean readsUserStack(Module m) {
        int ubt = Opcode.Helper.UBACKTRACE.id;
        int pubt = Opcode.Helper.PRINT_UBACKTRACE.id;
        for (Module.Function f : m.functions()) {
            for (long insn : f.code()) {
                int op = (int) (insn & 0xff);
                int helper = (int) (insn >>> 32) & 0xffff;
                if ((op == Opcode.HCALL.number || op == Opcode.HCALLS.number) && (helper == ubt || helper == pubt)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The path as the mappings of a process name it (symlinks resolved); as given when it cannot be resolved. */
    private static String canonical(String file) {
        try {
            return Path.of(file).toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return file;
        }
    }

    /** The shared libraries ldd says {@code file} loads, canonical; none when ldd cannot tell. */
    private static List<String> sharedLibraries(String file) {
        List<String> out = new ArrayList<>();
        try {
            Process p = new ProcessBuilder("ldd", file).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return out;
            }
            for (String line : text.split("\n")) {
                int arrow = line.indexOf("=> /");
                String lib = arrow >= 0 ? line.substring(arrow + 3).trim()
                        : line.trim().startsWith("/") ? line.trim() : null;
                if (lib == null) {
                    continue;
                }
                int paren = lib.indexOf(" (");
                lib = paren >= 0 ? lib.substring(0, paren) : lib;
                if (Files.isRegularFile(Path.of(lib))) {
                    out.add(canonical(lib));
                }
            }
        } catch (IOException e) {
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
