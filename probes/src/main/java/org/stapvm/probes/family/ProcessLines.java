package org.stapvm.probes.family;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeProvider.Failure;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.dwarf.DwarfIndex;

/**
 * {@code process("PATH").statement("FUNC@FILE:LINES")}: the statements DWARF's line table puts at
 * LINES (N, N-M or *) of the functions FUNC (a wildcard) declared in FILE, one point per line that has
 * code, at the lowest address the line starts at, named as stap names it
 * ({@code statement("walk@/src/list.c:12")}).
 */
final class ProcessLines {
    private ProcessLines() {}

    static List<ProbeSpec> resolve(String path, Expression.StringLiteral spec, List<ProbePoint.Component> rest,
                                   Consumer<Failure> fail) {
        if (!rest.isEmpty()) {
            fail.accept(new Failure("invalid suffix for probe", rest.get(0)));
            return null;
        }
        String text = spec.value();
        int at = text.indexOf('@');
        int colon = text.lastIndexOf(':');
        if (at <= 0 || colon < at) {
            fail.accept(new Failure("statement probe '" + text + "' needs FUNCTION@FILE:LINE", null));
            return null;
        }
        String function = text.substring(0, at);
        String file = text.substring(at + 1, colon);
        String lines = text.substring(colon + 1);
        long lo;
        long hi;
        try {
            int dash = lines.indexOf('-');
            lo = lines.equals("*") ? 0 : Long.parseLong(dash < 0 ? lines : lines.substring(0, dash));
            hi = lines.equals("*") ? Long.MAX_VALUE : dash < 0 ? lo : Long.parseLong(lines.substring(dash + 1));
        } catch (NumberFormatException e) {
            fail.accept(new Failure("invalid line range '" + lines + "' in statement probe '" + text + "'", null));
            return null;
        }
        List<ProbeSpec> out = new ArrayList<>();
        for (DwarfIndex.Entry e : DwarfIndex.of(path).entries()) {
            if (!Glob.FUNCTION_NAMES.matches(function, e.name()) || !DwarfIndex.matchesFile(file, e)) {
                continue;
            }
            TreeMap<Integer, Long> first = new TreeMap<>();
            for (DwarfIndex.Line l : DwarfIndex.lines(path, e.name())) {
                if (l.file().equals(e.file()) && l.line() >= lo && l.line() <= hi) {
                    first.merge(l.line(), l.address(), Math::min);
                }
            }
            first.forEach((line, address) -> {
                UserPoint u = UserPoint.line(path, e.name() + "@" + e.file() + ":" + line, address);
                out.add(ProbeSpec.process(u, u.record(false)));
            });
        }
        if (out.isEmpty()) {
            fail.accept(new Failure("no match", null));
            return null;
        }
        return out;
    }
}
