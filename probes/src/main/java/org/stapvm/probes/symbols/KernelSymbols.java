package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.Glob;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.KernelBtf;

/**
 * A symbol source: the kernel's function names, for expanding kernel.function wildcards at
 * compile time, from /proc/kallsyms (kernel and loaded modules) for the running kernel, or from
 * /boot/System.map-KVER for another release (the CLI's -r), or from the kernel's BTF function
 * records when that map is Debian's placeholder. Names stap cannot probe either are
 * left out: compiler clones (foo.cold, foo.isra.0) and the kprobes blacklist (when debugfs is
 * readable, for the running kernel only).
 */
public final class KernelSymbols {
    /** One text symbol: its name and module ("" for the kernel itself). */
    public record Symbol(String name, String module) {}

    private final List<Symbol> symbols;
    private final Set<String> blacklist;
    /** the release whose BTF named the kernel's functions (System.map a placeholder), or null */
    private final String btfRelease;

    private KernelSymbols(List<Symbol> symbols, Set<String> blacklist) {
        this(symbols, blacklist, null);
    }

    private KernelSymbols(List<Symbol> symbols, Set<String> blacklist, String btfRelease) {
        this.symbols = symbols;
        this.blacklist = blacklist;
        this.btfRelease = btfRelease;
    }

    /** The symbols of kernel {@code release} ("" = the running kernel); none when the file is unreadable. */
    public static KernelSymbols of(String release) {
        Path map = release.isEmpty() ? Path.of("/proc/kallsyms") : Path.of("/boot/System.map-" + release);
        Set<String> black = new LinkedHashSet<>();
        if (release.isEmpty()) {
            try {
                for (String line : Files.readAllLines(Path.of("/sys/kernel/debug/kprobes/blacklist"))) {
                    String[] f = line.trim().split("\\s+");
                    if (f.length >= 2) {
                        black.add(f[1]);
                    }
                }
            } catch (IOException e) {
                // not root or no debugfs: the kernel still refuses those at registration
            }
        }
        KernelSymbols read;
        try {
            read = parse(Files.readAllLines(map), black);
        } catch (IOException e) {
            // no symbol source: only exact names (resolved by the kernel at registration) can be probed
            read = parse(List.of(), black);
        }
        return read.available() ? read : fromBtf(release, black);
    }

    /**
     * Debian's System.map is a placeholder ("The real System.map is in the linux-image-VERSION-dbg
     * package"): the kernel's BTF names its functions (KernelBtf: /sys/kernel/btf or the vmlinuz).
     */
    private static KernelSymbols fromBtf(String release, Set<String> black) {
        List<Symbol> out = new ArrayList<>();
        try {
            List<String> names = BtfFunctions.functionNames(KernelBtf.forRelease(release).vmlinux());
            Set<String> known = Set.copyOf(names);
            for (String name : names) {
                out.add(new Symbol(name, ""));
                for (String stub : syscallStubs(name, known)) {
                    out.add(new Symbol(stub, ""));
                }
            }
        } catch (IOException e) {
            // no BTF either
        }
        return new KernelSymbols(List.copyOf(out), Set.copyOf(black), release);
    }

    /**
     * The entry points of a syscall without arguments, which BTF does not name: x86's
     * SYSCALL_DEFINE0 makes {@code __x64_sys_X} and {@code __ia32_sys_X} ELF aliases of
     * {@code __do_sys_X} (a syscall with arguments has its own {@code __x64_sys_X}, and a
     * {@code __se_sys_X} in between). kallsyms lists them; this is the same list from BTF.
     */
    private static List<String> syscallStubs(String name, Set<String> known) {
        if (!name.startsWith("__do_sys_")) {
            return List.of();
        }
        String call = name.substring("__do_sys_".length());
        if (known.contains("__se_sys_" + call) || known.contains("__x64_sys_" + call)) {
            return List.of();
        }
        return List.of("__x64_sys_" + call, "__ia32_sys_" + call);
    }

    /** The text symbols of kallsyms or System.map lines, without those in {@code blacklist}. */
    public static KernelSymbols parse(List<String> lines, Set<String> blacklist) {
        List<Symbol> out = new ArrayList<>();
        for (String line : lines) {
            Symbol s = parse(line);
            if (s != null) {
                out.add(s);
            }
        }
        return new KernelSymbols(List.copyOf(out), Set.copyOf(blacklist));
    }

    /** "ADDR TYPE NAME [MODULE]" with a text type (t/T/W), else null. */
    static Symbol parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 3 || !(f[1].equals("t") || f[1].equals("T") || f[1].equals("W") || f[1].equals("w"))) {
            return null;
        }
        String module = f.length > 3 && f[3].startsWith("[") ? f[3].substring(1, f[3].length() - 1) : "";
        return new Symbol(f[2], module);
    }

    public boolean available() {
        return !symbols.isEmpty();
    }

    /** Names matching the glob in module ("" = the kernel), in symbol-table order, without duplicates. */
    public List<String> match(String glob, String module) {
        Set<String> found = new LinkedHashSet<>();
        for (Symbol s : moduleSymbols(module)) {
            if (s.module().equals(module) && s.name().indexOf('.') < 0 && !blacklist.contains(s.name())
                    && Glob.FUNCTION_NAMES.matches(glob, s.name())) {
                found.add(s.name());
            }
        }
        return List.copyOf(found);
    }

    /** The symbols to match in {@code module}: the table's, or with BTF as the source, the module's own BTF functions. */
    private List<Symbol> moduleSymbols(String module) {
        if (module.isEmpty() || btfRelease == null) {
            return symbols;
        }
        return fromModules.computeIfAbsent(module, m -> {
            List<Symbol> out = new ArrayList<>();
            try {
                KernelBtf.forRelease(btfRelease).module(m)
                        .ifPresent(b -> BtfFunctions.functionNames(b).forEach(n -> out.add(new Symbol(n, m))));
            } catch (IOException e) {
                // no BTF for the module: nothing to match
            }
            return List.copyOf(out);
        });
    }

    private final java.util.Map<String, List<Symbol>> fromModules = new java.util.concurrent.ConcurrentHashMap<>();
}
