package org.stapvm.compiler.pipeline;

import java.util.List;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;

/**
 * stap's listing mode (-l/-L): each probe point of the pattern is listed when it resolves and
 * skipped silently when it does not, as if it were written with '?'; with nothing resolved the
 * run fails without a word.
 */
final class Listing {
    private Listing() {}

    static Declaration everyPointOptional(Declaration d) {
        if (!(d instanceof Declaration.Probe p)) {
            return d;
        }
        List<ProbePoint> points = p.points().stream()
                .map(pt -> pt.marker() == ProbePoint.Marker.NONE
                        ? new ProbePoint(pt.pos(), pt.components(), ProbePoint.Marker.LISTED, pt.condition())
                        : pt)
                .toList();
        return new Declaration.Probe(p.pos(), points, p.body());
    }
}
