package org.stapvm.probes;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.parse.ScriptParser;
import org.stapvm.lang.parse.TokenPass;

/** Test helper: a probe point from its text, and what the standard families make of it. */
public final class Points {
    private Points() {}

    public static ProbePoint parse(String text) {
        Declaration.Probe p = (Declaration.Probe) new ScriptParser(TokenPass.NONE)
                .parse(new SourceFile("t.stp", "probe " + text + " {}")).script().declarations().get(0);
        return p.points().get(0);
    }

    /** The specs of {@code text} on {@code target}; fails the test on a failure. */
    public static List<ProbeSpec> resolve(String text, ProbeTarget target) {
        List<ProbeProvider.Failure> fs = new ArrayList<>();
        List<ProbeSpec> specs = ProbeProviders.standard().resolve(parse(text), target, List.of(), fs::add);
        if (specs == null) {
            throw new AssertionError(text + ": " + fs.get(0).message());
        }
        return specs;
    }

    /** The descriptors of {@code text} on {@code target}. */
    public static List<String> descriptors(String text, ProbeTarget target) {
        return resolve(text, target).stream().map(ProbeSpec::descriptor).toList();
    }

    /** The first failure message of {@code text}, which must fail. */
    public static String failure(String text, ProbeTarget target) {
        List<ProbeProvider.Failure> fs = new ArrayList<>();
        if (ProbeProviders.standard().resolve(parse(text), target, List.of(), fs::add) != null) {
            throw new AssertionError(text + " resolved");
        }
        return fs.get(0).message();
    }
}
