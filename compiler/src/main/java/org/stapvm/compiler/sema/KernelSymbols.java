package org.stapvm.compiler.sema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.stapvm.probes.btf.BtfFunctions;
import org.stapvm.probes.btf.KernelBtf;

/**
 * The kernel's function names, for expanding kernel.function wildcards at compile time: from
 * /proc/kallsyms (kernel and loaded modules), or from /boot/System.map-KVER when the system
 * property {@code stapvm.kernel.release} (the CLI's -r) names another kernel, or from the kernel's
 * BTF function records when that map is Debian's placeholder. Names stap cannot
 * probe either are left out: compiler clones (foo.cold, foo.isra.0) and the kprobes blacklist
 * (when debugfs is readable, for the running kernel only).
 */
public final class KernelSymbols {
    /** One text symbol: its name and module ("" for the kernel itself). */
    public record Symbol(String name, String module) {}

    private final List<Symbol> symbols;
    private final Set<String> blacklist;

    private KernelSymbols(List<Symbol> symbols, Set<String> blacklist) {
        this.symbols = symbols;
        this.blacklist = blacklist;
    }

    private static KernelSymbols cached;
    private static String cachedRelease;

    /** The symbols of the target kernel (cached per release). */
    public static synchronized KernelSymbols target() {
        String release = System.getProperty("stapvm.kernel.release", "");
        if (cached == null || !release.equals(cachedRelease)) {
            cached = load(release);
            cachedRelease = release;
        }
        return cached;
    }

    static KernelSymbols load(String release) {
        Path map = release.isEmpty() ? Path.of("/proc/kallsyms") : Path.of("/boot/System.map-" + release);
        List<Symbol> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(map)) {
                Symbol s = parse(line);
                if (s != null) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            // no symbol source: only exact names (resolved by the kernel at registration) can be probed
        }
        if (out.isEmpty()) {
            // Debian's System.map is a placeholder ("The real System.map is in the linux-image-<version>-dbg
            // package"): the kernel's BTF names its functions (KernelBtf: /sys/kernel/btf or the vmlinuz)
            try {
                for (String name : BtfFunctions.functionNames(KernelBtf.forRelease(release).vmlinux())) {
                    out.add(new Symbol(name, ""));
                }
            } catch (IOException e) {
                // no BTF either
            }
        }
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
        return new KernelSymbols(out, black);
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

    /** Names matching the glob (* ? [..]) in module ("" = the kernel), in symbol-table order, without duplicates. */
    public List<String> match(String glob, String module) {
        Pattern p = Pattern.compile(globToRegex(glob));
        Set<String> found = new LinkedHashSet<>();
        for (Symbol s : symbols) {
            if (s.module().equals(module) && s.name().indexOf('.') < 0 && !blacklist.contains(s.name())
                    && p.matcher(s.name()).matches()) {
                found.add(s.name());
            }
        }
        return List.copyOf(found);
    }

    public static boolean isGlob(String s) {
        return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
    }

    static String globToRegex(String glob) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        sb.append("\\[");
                    } else {
                        sb.append('[').append(glob, i + 1, end).append(']');
                        i = end;
                    }
                }
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return sb.toString();
    }
}
