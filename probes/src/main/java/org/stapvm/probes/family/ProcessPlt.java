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
import org.stapvm.probes.symbols.PltStubs;

/**
 * {@code process("PATH").plt["(PATTERN)"]}: one point per PLT stub of PATH whose imported function matches
 * PATTERN ("*" when none is written), placed at the stub; as stap, pp() names it by its address
 * ({@code statement(0x1030)}), -l by its name ({@code plt("puts")}), and {@code $$name} is the name.
 */
final class ProcessPlt {
    private ProcessPlt() {}

    static List<ProbeSpec> resolve(String path, ProbePoint.Component c, List<ProbePoint.Component> rest,
                                   Consumer<Failure> fail) {
        if (path == null || (c.argument() != null && !(c.argument() instanceof Expression.StringLiteral))) {
            fail.accept(new Failure("probe point mismatch", c));
            return null;
        }
        if (!rest.isEmpty()) {
            fail.accept(new Failure(rest.get(0).name().equals("return") && rest.size() == 1
                    ? "process(...).plt(...).return is not supported by stapvm yet" : "invalid suffix for probe", rest.get(0)));
            return null;
        }
        String pattern = c.argument() instanceof Expression.StringLiteral s ? s.value() : "*";
        List<PltStubs.Stub> stubs;
        try {
            stubs = PltStubs.read(Path.of(path));
        } catch (IOException e) {
            fail.accept(new Failure("cannot read ELF file '" + path + "': " + e.getMessage(), null));
            return null;
        }
        List<ProbeSpec> out = new ArrayList<>();
        for (PltStubs.Stub s : stubs) {
            if (Glob.FUNCTION_NAMES.matches(pattern, s.name())) {
                UserPoint u = new UserPoint(path, UserPoint.Event.PLT, s.name(), s.address());
                out.add(ProbeSpec.process(u, u.record(false)));
            }
        }
        if (out.isEmpty()) {
            String similar = Similar.suggest(pattern, stubs.stream().map(PltStubs.Stub::name).toList(), 5);
            fail.accept(new Failure("no match" + (similar.isEmpty() ? "" : " (similar functions: " + similar + ")"), null));
            return null;
        }
        return out;
    }
}
