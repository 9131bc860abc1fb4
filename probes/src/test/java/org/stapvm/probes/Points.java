package org.stapvm.probes;

import java.util.ArrayList;
import java.util.List;
import org.stapvm.lang.SourceFile;
import org.stapvm.lang.ast.Declaration;
import org.stapvm.lang.ast.Expression;
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

    /**
     * {@code template}'s point with the string argument "PATTERN" replaced by {@code pattern} as it is,
     * as if the lexer had read it (no escape processing to think about).
     */
    public static ProbePoint withPattern(String template, String pattern) {
        ProbePoint p = parse(template);
        List<ProbePoint.Component> cs = new ArrayList<>();
        for (ProbePoint.Component c : p.components()) {
            boolean placeholder = c.argument() instanceof Expression.StringLiteral s && s.value().equals("PATTERN");
            cs.add(placeholder ? new ProbePoint.Component(c.pos(), c.name(), new Expression.StringLiteral(c.argument().pos(), pattern)) : c);
        }
        return new ProbePoint(p.pos(), cs, p.marker(), p.condition());
    }

    /** The specs of {@code text} on {@code target}; fails the test on a failure. */
    public static List<ProbeSpec> resolve(String text, ProbeTarget target) {
        return resolve(parse(text), target);
    }

    /** The specs of {@code point} on {@code target}; fails the test on a failure. */
    public static List<ProbeSpec> resolve(ProbePoint point, ProbeTarget target) {
        String text = point.toString();
        List<ProbeProvider.Failure> fs = new ArrayList<>();
        List<ProbeSpec> specs = ProbeProviders.standard().resolve(point, target, List.of(), fs::add);
        if (specs == null) {
            throw new AssertionError(text + ": " + fs.get(0).message());
        }
        specs.forEach(Points::recordAgreesWithDescriptor);
        return specs;
    }

    /** Every spec's record says what its descriptor says: the same pp() text, optional exactly when marked '?'. */
    private static void recordAgreesWithDescriptor(ProbeSpec s) {
        String d = s.descriptor();
        if (d != null && (!s.record().pp().equals(d.replaceFirst("\\?$", "").replaceFirst(";pc=0x[0-9a-f]+(;sem=0x[0-9a-f]+)?$", ""))
                || s.record().has(ProbeKind.Flag.OPTIONAL) != d.endsWith("?"))) {
            throw new AssertionError("record " + s.record() + " for descriptor " + d);
        }
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
