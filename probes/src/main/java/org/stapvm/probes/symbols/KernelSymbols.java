package org.stapvm.probes.symbols;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stapvm.lang.Glob;
import org.stapvm.probes.btf.Btf;
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
    /**
     * One text symbol: its name, its module ("" for the kernel itself), and whether it is global
     * (an uppercase type in kallsyms, global linkage in BTF; stap's .exported asks DWARF's
     * DW_AT_external, which says the same for a function DWARF describes).
     */
    public record Symbol(String name, String module, boolean global) {}

    private final List<Symbol> symbols;
    private final Set<String> blacklist;
    /** the release whose BTF named the kernel's functions (System.map a placeholder), or null */
    private final String btfRelease;
    /** with BTF as the source: the syscall stubs made up beside its names (syscallStubs) */
    private final Set<String> stubs;
    /** with BTF as the source: the global functions of the release's debug vmlinux, read when first asked */
    private Set<String> debugGlobals;

    private KernelSymbols(List<Symbol> symbols, Set<String> blacklist) {
        this(symbols, blacklist, null, Set.of());
    }

    private KernelSymbols(List<Symbol> symbols, Set<String> blacklist, String btfRelease, Set<String> stubs) {
        this.symbols = symbols;
        this.blacklist = blacklist;
        this.btfRelease = btfRelease;
        this.stubs = stubs;
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
        Set<String> stubs = new LinkedHashSet<>();
        try {
            Btf btf = KernelBtf.forRelease(release).vmlinux();
            List<String> names = BtfFunctions.functionNames(btf);
            Set<String> known = Set.copyOf(names);
            Set<String> global = BtfFunctions.globalFunctionNames(btf);
            for (String name : names) {
                out.add(new Symbol(name, "", global.contains(name)));
                for (String stub : syscallStubs(name, known)) {
                    // an ELF alias of the static __do_sys_X: DWARF has no external function of that name
                    out.add(new Symbol(stub, "", false));
                    stubs.add(stub);
                }
            }
        } catch (IOException e) {
            // no BTF either
        }
        return new KernelSymbols(List.copyOf(out), Set.copyOf(black), release, Set.copyOf(stubs));
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
        return new Symbol(f[2], module, Character.isUpperCase(f[1].charAt(0)));
    }

    public boolean available() {
        return !symbols.isEmpty();
    }

    /** Names matching the glob in module ("" = the kernel), in symbol-table order, without duplicates. */
    public List<String> match(String glob, String module) {
        return match(glob, module, false);
    }

    /** As {@link #match(String, String)}; with globalOnly only the global functions (.exported). */
    public List<String> match(String glob, String module, boolean globalOnly) {
        Set<String> found = new LinkedHashSet<>();
        for (Symbol s : moduleSymbols(module)) {
            if (s.module().equals(module) && (!globalOnly || isGlobal(s)) && s.name().indexOf('.') < 0 && !blacklist.contains(s.name())
                    && Glob.FUNCTION_NAMES.matches(glob, s.name())) {
                found.add(s.name());
            }
        }
        return List.copyOf(found);
    }

    /**
     * Whether s is global. Debian's BTF (pahole of its time) records every function as static, so
     * with BTF as the source the kernel's own functions are asked of the release's debug vmlinux
     * symbol table (linux-image-KVER-dbg), where there is one; a syscall stub made up from BTF
     * (syscallStubs) stays static, as the alias DWARF does not describe.
     */
    private boolean isGlobal(Symbol s) {
        if (s.global() || btfRelease == null || !s.module().isEmpty() || stubs.contains(s.name())) {
            return s.global();
        }
        return debugGlobals().contains(s.name());
    }

    private synchronized Set<String> debugGlobals() {
        if (debugGlobals == null) {
            debugGlobals = Set.of();
            for (Path p : List.of(Path.of("/usr/lib/debug/boot/vmlinux-" + btfRelease),
                    Path.of("/usr/lib/debug/lib/modules/" + btfRelease + "/vmlinux"))) {
                try {
                    debugGlobals = Set.copyOf(ElfFunctions.read(p).globalNames());
                    break;
                } catch (IOException e) {
                    // not installed here: try the next place, else BTF's linkage alone
                }
            }
        }
        return debugGlobals;
    }

    /** The symbols to match in {@code module}: the table's, or with BTF as the source, the module's own BTF functions. */
    private List<Symbol> moduleSymbols(String module) {
        if (module.isEmpty() || btfRelease == null) {
            return symbols;
        }
        return fromModules.computeIfAbsent(module, m -> {
            List<Symbol> out = new ArrayList<>();
            try {
                KernelBtf.forRelease(btfRelease).module(m).ifPresent(b -> {
                    Set<String> global = BtfFunctions.globalFunctionNames(b);
                    BtfFunctions.functionNames(b).forEach(n -> out.add(new Symbol(n, m, global.contains(n))));
                });
            } catch (IOException e) {
                // no BTF for the module: nothing to match
            }
            return List.copyOf(out);
        });
    }

    private final java.util.Map<String, List<Symbol>> fromModules = new java.util.concurrent.ConcurrentHashMap<>();
}
