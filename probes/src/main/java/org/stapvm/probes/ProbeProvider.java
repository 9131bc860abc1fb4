package org.stapvm.probes;

import java.util.List;
import java.util.function.Consumer;
import org.stapvm.lang.ast.ProbePoint;

/**
 * One probe family (begin/end/error/never, timer.*, kernel.function, process(...), ...): what its
 * points mean, behind the one interface the compiler asks. As in bpftrace's probe matcher, a
 * family answers two questions: which names a point's pattern matches (through a symbol source in
 * {@code probes.symbols} and the one wildcard matcher, {@link org.stapvm.lang.Glob}), and what
 * each match attaches to (one {@link ProbeSpec} per match). {@link ProbeProviders} holds the
 * families and picks the one that claims a point. docs/adding-a-probe-family.md says how to add one.
 */
public interface ProbeProvider {

    /** A failure: stap's message and the component it is about (null: no place). */
    record Failure(String message, ProbePoint.Component at) {}

    /** The first components this family answers for, in the order stap suggests them. */
    List<String> roots();

    /**
     * The point shapes this family takes, as stap's --dump-probe-types writes them: components
     * with "(string)" or "(number)" for their argument.
     */
    List<String> types();

    /** Whether stap offers {@link #roots()} in "probe point mismatch (similar: ...)"; the kernel's are not offered. */
    default boolean suggested() {
        return true;
    }

    /**
     * Whether this family takes {@code point}. The registry asks the families in order, so a family
     * for one suffix of another's points comes before the general one.
     */
    default boolean claims(ProbePoint point) {
        return roots().contains(point.components().get(0).name());
    }

    /**
     * The points {@code point} stands for on the context's target, one per match (never empty), or
     * null after reporting through {@code fail}.
     */
    List<ProbeSpec> resolve(ProbePoint point, ProbeContext context, Consumer<Failure> fail);
}
