package org.stapvm.probes.family;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeProvider.Failure;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.dwarf.DwarfIndex;
import org.stapvm.probes.symbols.ElfFunctions;

/**
 * {@code process("PATH").function("PATTERN[@FILE[:LINE]]")[.return|.call|.inline]}, expanded here, at compile
 * time, against the file's .symtab and .dynsym (one point per function, as stap does) and its DWARF. As stap:
 * a plain {@code .function} takes each function's out-of-line copy and each place it was inlined,
 * {@code .call} takes the functions that have code of their own (not their inlined copies), {@code .inline}
 * takes each place DWARF says a function was inlined, and, since nothing tells stap otherwise, the
 * functions that DWARF does not describe; neither takes a further {@code .return}.
 */
final class ProcessFunctions {
    private ProcessFunctions() {}

    private static final List<String> SUFFIXES = List.of("return", "call", "inline");

    static List<ProbeSpec> resolve(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                   Consumer<Failure> fail) {
        if (path == null || !(c.argument() instanceof Expression.StringLiteral pattern)) {
            fail.accept(new Failure("probe point mismatch", c));
            return null;
        }
        UserPoint.Event event = event(rest, fail);
        ElfFunctions elf = event == null ? null : ProcessProbes.elf(path, fail);
        if (elf == null) {
            return null;
        }
        // F@FILE[:LINE]: the functions named F that DWARF declares in FILE (at LINE)
        int at = pattern.value().indexOf('@');
        String name = at < 0 ? pattern.value() : pattern.value().substring(0, at);
        String file = at < 0 ? null : pattern.value().substring(at + 1);
        DwarfIndex dwarf = DwarfIndex.of(path);
        List<ProbeSpec> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ElfFunctions.Function f : elf.matching(name)) {
            Optional<DwarfIndex.Entry> e = dwarfEntry(dwarf, elf, f);
            if ((file != null && (e.isEmpty() || !DwarfIndex.matchesFile(file, e.get())))
                    || !seen.add(e.map(DwarfIndex.Entry::name).orElse(f.name()))
                    || (event == UserPoint.Event.INLINE && e.isPresent())) {
                continue;
            }
            String fname = e.isPresent() ? e.get().name() : f.name();
            // with DWARF, stap names the function where it is declared: function("walk@/src/list.c:9")
            String named = dwarf.lookup(fname).map(DwarfIndex.Entry::qualified).orElse(fname);
            UserPoint u = new UserPoint(path, event, named, f.value());
            out.add(ProbeSpec.process(u, u.record(false)));
        }
        if (event == UserPoint.Event.INLINE || event == UserPoint.Event.FUNCTION) {
            // a plain .function("F") takes F's inlined instances as well as its out-of-line copy, as stap does
            UserPoint.Event each = event == UserPoint.Event.INLINE ? event : UserPoint.Event.INLINED;
            for (DwarfIndex.Entry e : dwarf.inlined()) {
                if (Glob.FUNCTION_NAMES.matches(name, e.name()) && (file == null || DwarfIndex.matchesFile(file, e))) {
                    UserPoint u = new UserPoint(path, each, e.qualified(), e.lowPc());
                    out.add(ProbeSpec.process(u, u.record(false)));
                }
            }
        }
        if (out.isEmpty()) {
            String similar = Similar.suggest(name, elf.globalNames(), 5);
            fail.accept(new Failure("no match" + (similar.isEmpty() ? "" : " (similar functions: " + similar + ")"), null));
            return null;
        }
        return out;
    }

    /** The event of the suffixes after .function(...): at most one of return, call, inline; null after stap's error. */
    private static UserPoint.Event event(List<ProbePoint.Component> rest, Consumer<Failure> fail) {
        String suffix = rest.isEmpty() || rest.get(0).argument() != null || !SUFFIXES.contains(rest.get(0).name())
                ? null : rest.get(0).name();
        if (rest.size() > (suffix == null ? 0 : 1)) {
            fail.accept(new Failure("invalid suffix for probe", rest.get(suffix == null ? 0 : 1)));
            return null;
        }
        return suffix == null ? UserPoint.Event.FUNCTION : switch (suffix) {
            case "return" -> UserPoint.Event.RETURN;
            case "call" -> UserPoint.Event.CALL;
            default -> UserPoint.Event.INLINE;
        };
    }

    /**
     * The DWARF function of ELF function f: by its name, else (an alias such as libc's malloc, which DWARF
     * calls __libc_malloc) the one that starts at f's address and that the ELF also names there, since
     * the runtime finds a function by its symbol. Empty without DWARF for it.
     */
    private static Optional<DwarfIndex.Entry> dwarfEntry(DwarfIndex dwarf, ElfFunctions elf, ElfFunctions.Function f) {
        Optional<DwarfIndex.Entry> e = dwarf.lookup(f.name());
        if (e.isPresent()) {
            return e;
        }
        return dwarf.at(f.value()).filter(d -> {
            ElfFunctions.Function same = elf.lookup(d.name());
            return same != null && same.value() == f.value();
        });
    }
}
