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
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.symbols.SdtNotes;

/**
 * {@code process("PATH").mark("NAME")} and {@code process("PATH").provider("PROVIDER").mark("NAME")}:
 * the SDT marker sites of PATH's {@code .note.stapsdt} whose provider and name match (stap's
 * wildcards; a '-' in NAME stands for the "__" that dtrace writes for it), one point per site in
 * note order, as stap derives them. Each site is placed as a statement at its address, with its
 * semaphore raised while the probe is armed.
 */
final class ProcessMarks {
    private ProcessMarks() {}

    /** {@code at} is the "provider" or "mark" component after process("PATH"); {@code rest} what follows it. */
    static List<ProbeSpec> resolve(String path, ProbePoint.Component at, List<ProbePoint.Component> rest,
                                   List<String> events, Consumer<Failure> fail) {
        String provider = null;
        ProbePoint.Component mark = at;
        if (at.name().equals("provider")) {
            if (!(at.argument() instanceof Expression.StringLiteral p)) {
                fail.accept(new Failure("probe point mismatch" + Similar.clause(at.name(), events), at));
                return null;
            }
            if (rest.isEmpty() || !rest.get(0).name().equals("mark")) {
                fail.accept(new Failure("probe point truncated (follow:  mark(string))", at));
                return null;
            }
            provider = p.value();
            mark = rest.get(0);
            rest = rest.subList(1, rest.size());
        }
        if (path == null || !(mark.argument() instanceof Expression.StringLiteral name)) {
            fail.accept(new Failure("probe point mismatch" + Similar.clause(mark.name(), events), mark));
            return null;
        }
        if (!rest.isEmpty()) {
            fail.accept(new Failure("invalid suffix for probe", rest.get(0)));
            return null;
        }
        List<SdtNotes.Mark> sites;
        try {
            sites = SdtNotes.read(Path.of(path));
        } catch (IOException e) {
            fail.accept(new Failure("cannot read ELF file '" + path + "': " + e.getMessage(), null));
            return null;
        }
        String pattern = name.value().replace("-", "__");
        List<ProbeSpec> out = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (SdtNotes.Mark m : sites) {
            if (provider != null && !Glob.FUNCTION_NAMES.matches(provider, m.provider())) {
                continue;
            }
            names.add(m.name());
            if (Glob.FUNCTION_NAMES.matches(pattern, m.name())) {
                UserPoint u = UserPoint.mark(path, m, provider != null);
                out.add(ProbeSpec.process(u, u.record(false)));
            }
        }
        if (out.isEmpty()) {
            String similar = Similar.suggest(pattern, names, 5);
            fail.accept(new Failure("no match" + (similar.isEmpty() ? "" : " (similar marks: " + similar + ")"), null));
            return null;
        }
        return out;
    }
}
