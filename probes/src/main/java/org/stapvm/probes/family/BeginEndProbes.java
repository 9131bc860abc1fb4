package org.stapvm.probes.family;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;

/**
 * begin, begin(N), end, end(N), error, error(N) and never: the session's own events, placed by
 * every runtime's loader; N orders probes of one kind (stap's begin/end sequence numbers).
 */
public final class BeginEndProbes implements ProbeProvider {
    @Override
    public List<String> roots() {
        return List.of("begin", "end", "error", "never");
    }

    @Override
    public List<String> types() {
        return List.of("begin", "begin(number)", "end", "end(number)", "error", "error(number)", "never");
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint point, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> cs = point.components();
        ProbePoint.Component root = cs.get(0);
        if (cs.size() > 1) {
            fail.accept(new Failure("invalid suffix for probe", cs.get(1)));
            return null;
        }
        if (root.name().equals("never")) {
            if (root.argument() != null) {
                fail.accept(new Failure(context.rootMismatch(root.name()), root));
                return null;
            }
            return List.of(ProbeSpec.simple(ProbeSpec.Kind.NEVER, 0));
        }
        ProbeSpec.Kind kind = switch (root.name()) {
            case "begin" -> ProbeSpec.Kind.BEGIN;
            case "end" -> ProbeSpec.Kind.END;
            default -> ProbeSpec.Kind.ERROR;
        };
        Long seq = root.argument() == null ? Long.valueOf(0) : Arguments.number(root.argument());
        if (seq == null) {
            fail.accept(new Failure(context.rootMismatch(root.name()), root));
            return null;
        }
        return List.of(ProbeSpec.simple(kind, seq, root.argument() != null));
    }
}
