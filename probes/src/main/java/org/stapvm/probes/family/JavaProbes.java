package org.stapvm.probes.family;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Consumer;
import org.stapvm.lang.Glob;
import org.stapvm.lang.ast.Expression;
import org.stapvm.lang.ast.ProbePoint;
import org.stapvm.lang.diag.Similar;
import org.stapvm.probes.ProbeContext;
import org.stapvm.probes.ProbeProvider;
import org.stapvm.probes.ProbeSpec;
import org.stapvm.probes.UserPoint;
import org.stapvm.probes.java.JavaClasses;
import org.stapvm.probes.java.JavaClasses.JavaMethod;
import org.stapvm.probes.java.JavaSession;
import org.stapvm.probes.java.JavaVm;
import org.stapvm.probes.symbols.SdtNotes;

/**
 * {@code java("PNAME"|PID).class("[^]CLASS").method("PATTERN[:LINE]")[.return]}: methods of a
 * running JVM, matched against what the stapvm agent reports of its loaded classes. CLASS is
 * written with or without its package ('*' matches too); '^' adds the loaded subclasses' own
 * (overriding) methods. PATTERN is a method name ('*' matches) with an optional argument list,
 * "name(int,double,Foo)", whose types are written with or without their package; without the
 * list every overload matches. Each point gets a slot of the session ({@link JavaSession}) and
 * becomes the hook library's mark for it, {@code process(LIB).provider("stapvm_java").mark("method__K")}.
 */
public final class JavaProbes implements ProbeProvider {
    @Override
    public List<String> roots() {
        return List.of("java");
    }

    /** stap built without Byteman (Debian's 4.8) does not offer "java" for a mistyped root. */
    @Override
    public boolean suggested() {
        return false;
    }

    @Override
    public List<String> types() {
        return Stream.of("java(string)", "java(number)")
                .flatMap(head -> Stream.of(head + ".class(string).method(string)",
                        head + ".class(string).method(string).return"))
                .toList();
    }

    @Override
    public List<ProbeSpec> resolve(ProbePoint point, ProbeContext context, Consumer<Failure> fail) {
        List<ProbePoint.Component> c = point.components();
        ProbePoint.Component root = c.get(0);
        Object vmArg = root.argument() instanceof Expression.StringLiteral s ? s.value()
                : root.argument() instanceof Expression.NumberLiteral n ? (Object) n.value() : null;
        if (vmArg == null) {
            fail.accept(new Failure("probe point mismatch (java needs a process name or pid)", root));
            return null;
        }
        if (c.size() < 3 || !c.get(1).name().equals("class") || !c.get(2).name().equals("method")) {
            fail.accept(new Failure("probe point truncated (follow:  class(string).method(string))", root));
            return null;
        }
        if (!(c.get(1).argument() instanceof Expression.StringLiteral cls)) {
            fail.accept(new Failure("probe point mismatch (class needs a string)", c.get(1)));
            return null;
        }
        if (!(c.get(2).argument() instanceof Expression.StringLiteral method)) {
            fail.accept(new Failure("probe point mismatch (method needs a string)", c.get(2)));
            return null;
        }
        boolean isReturn = c.size() == 4 && c.get(3).name().equals("return") && c.get(3).argument() == null;
        if (c.size() > 4 || (c.size() == 4 && !isReturn)) {
            fail.accept(new Failure("invalid suffix for probe", c.get(c.size() > 4 && isReturn ? 4 : 3)));
            return null;
        }
        JavaSession session = context.target().java();
        try {
            MethodPattern pattern = MethodPattern.parse(method.value());
            if (pattern == null) {
                fail.accept(new Failure("malformed method pattern '" + method.value()
                        + "' (expected NAME, NAME(TYPE,...), either with :LINE)", c.get(2)));
                return null;
            }
            if (isReturn && pattern.line() > 0) {
                fail.accept(new Failure("a line probe has no .return", c.get(3)));
                return null;
            }
            session.vm(vmArg);
            boolean optional = point.marker() == ProbePoint.Marker.OPTIONAL || point.marker() == ProbePoint.Marker.SUFFICIENT;
            List<String> sites = sites(session, cls, cls.value(), pattern, isReturn, optional, c, fail);
            if (sites == null) {
                return null;
            }
            int slot = session.slot(vmArg + "\t" + cls.value() + "\t" + method.value() + "\t" + isReturn, sites,
                    rule(cls.value(), pattern, kind(pattern, isReturn)), pattern.types());
            return List.of(mark(slot));
        } catch (JavaVm.Failure | IOException e) {
            fail.accept(new Failure(e.getMessage(), null));
            return null;
        }
    }

    private static String kind(MethodPattern pattern, boolean isReturn) {
        return pattern.line() > 0 ? "LINE" : isReturn ? "RETURN" : "ENTRY";
    }

    /**
     * The point as the agent's rule for the classes the compiler does not see here (loaded later,
     * or by another loader): org.stapvm.agent.LateRule's line without the slot, the class and
     * method patterns as regexes that match what {@link #classMatches} and the method glob match.
     */
    private static String rule(String written, MethodPattern pattern, String kind) {
        boolean descendants = written.startsWith("^");
        String cls = descendants ? written.substring(1) : written;
        String arguments = pattern.types() == null ? "-" : pattern.types().stream()
                .map(t -> t.contains(".") || t.contains("$") ? Pattern.quote(t) : "(?:[^,]*[.$])?" + Pattern.quote(t))
                .collect(Collectors.joining(","));
        return "LATE\t" + kind + "\t" + (cls.contains(".") ? "binary" : "simple") + "\t" + (descendants ? 1 : 0)
                + "\t" + Glob.NO_ESCAPE.toRegex(cls) + "\t" + Glob.FUNCTION_NAMES.toRegex(pattern.name())
                + "\t" + arguments + "\t" + pattern.line();
    }

    /**
     * The agent's site lines (without the slot) for the point, or null after a failure. An
     * optional point whose class is not loaded yet has none: its rule alone waits for the class.
     */
    private static List<String> sites(JavaSession session, Expression.StringLiteral at, String written,
                                      MethodPattern pattern, boolean isReturn, boolean optional,
                                      List<ProbePoint.Component> c, Consumer<Failure> fail) throws JavaVm.Failure {
        boolean descendants = written.startsWith("^");
        String cls = descendants ? written.substring(1) : written;
        boolean qualified = cls.contains(".");
        JavaClasses all = session.classes(qualified ? List.of(cls) : List.of(cls, "*." + cls, "*$" + cls));
        List<String> bases = all.names().stream().filter(n -> classMatches(cls, n)).toList();
        if (bases.isEmpty() && optional) {
            return List.of();
        }
        if (bases.isEmpty()) {
            String similar = Similar.suggest(cls, all.names().stream().map(n -> qualified ? n : simple(n)).distinct().toList(), 5);
            fail.accept(new Failure("no match: no loaded class '" + cls + "' in Java process " + session.vm().pid()
                    + (similar.isEmpty() ? "" : " (similar classes: " + similar + ")"), c.get(1)));
            return null;
        }
        List<String> classes = new ArrayList<>(bases);
        if (descendants) {
            List<String> subs = all.names().stream()
                    .filter(n -> !bases.contains(n) && bases.stream().anyMatch(b -> all.descendsFrom(n, b))).toList();
            session.classes(subs);   // the same classes, now with the subclasses' methods
            classes.addAll(subs);
        }
        List<String> sites = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> sameName = new ArrayList<>();
        List<String> lineless = new ArrayList<>();
        String kind = kind(pattern, isReturn);
        for (String k : classes) {
            for (JavaMethod m : all.methodsOf(k)) {
                names.add(m.name());
                if (!Glob.FUNCTION_NAMES.matches(pattern.name(), m.name())) {
                    continue;
                }
                sameName.add(m.signature());
                if (!pattern.matchesArguments(m.argumentTypes())) {
                    continue;
                }
                if (pattern.line() > 0 && !m.lines().isEmpty() && !m.lines().contains(pattern.line())) {
                    lineless.add(m.signature() + " has lines " + ranges(m.lines()));
                    continue;
                }
                sites.add(kind + "\t" + k + "\t" + m.name() + "\t" + m.descriptor() + "\t" + pattern.line());
            }
        }
        if (sites.isEmpty()) {
            String where = " in class " + String.join(", ", bases);
            if (!lineless.isEmpty()) {
                fail.accept(new Failure("no match: no line " + pattern.line() + " in " + pattern.written().substring(0,
                        pattern.written().lastIndexOf(':')).trim() + where + " (" + String.join("; ", lineless.stream().distinct().toList())
                        + ")", c.get(2)));
            } else if (!sameName.isEmpty()) {
                fail.accept(new Failure("signature mismatch: no " + pattern.written() + where + " (it has: "
                        + String.join(", ", sameName.stream().distinct().sorted().toList()) + ")", c.get(2)));
            } else {
                String similar = Similar.suggest(pattern.name(), names.stream().distinct().toList(), 5);
                fail.accept(new Failure("no match: no method '" + pattern.name() + "'" + where
                        + (similar.isEmpty() ? "" : " (similar methods: " + similar + ")"), c.get(2)));
            }
            return null;
        }
        return sites;
    }

    /** "12-15, 18": sorted lines as ranges. */
    private static String ranges(List<Integer> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            int j = i;
            while (j + 1 < lines.size() && lines.get(j + 1) == lines.get(j) + 1) {
                j++;
            }
            out.add(i == j ? lines.get(i).toString() : lines.get(i) + "-" + lines.get(j));
            i = j + 1;
        }
        return String.join(", ", out);
    }

    /** CLASS with its package matches the binary name; without, the name's last part (after '.' or '$'). */
    private static boolean classMatches(String pattern, String binaryName) {
        return Glob.NO_ESCAPE.matches(pattern, pattern.contains(".") ? binaryName : simple(binaryName));
    }

    private static String simple(String binaryName) {
        return binaryName.substring(Math.max(binaryName.lastIndexOf('.'), binaryName.lastIndexOf('$')) + 1);
    }

    /** The hook library's mark for {@code slot}. */
    private static ProbeSpec mark(int slot) throws IOException, JavaVm.Failure {
        String lib = JavaVm.hookLibrary().toString();
        for (SdtNotes.Mark m : SdtNotes.read(JavaVm.hookLibrary())) {
            if (m.provider().equals(JavaSession.PROVIDER) && m.name().equals("method__" + slot)) {
                UserPoint u = UserPoint.mark(lib, m, true);
                return ProbeSpec.process(u, u.record(false));
            }
        }
        throw new JavaVm.Failure("the hook library " + lib + " has no mark method__" + slot);
    }

    /** "name", "name(T,...)", either with ":LINE"; {@code types} null when no list was written. */
    record MethodPattern(String written, String name, List<String> types, int line) {
        static MethodPattern parse(String text) {
            String s = text.trim();
            int line = 0;
            int colon = s.lastIndexOf(':');
            if (colon >= 0) {
                try {
                    line = Integer.parseInt(s.substring(colon + 1).trim());
                } catch (NumberFormatException e) {
                    return null;
                }
                if (line <= 0) {
                    return null;
                }
                s = s.substring(0, colon).trim();
            }
            List<String> types = null;
            int open = s.indexOf('(');
            if (open >= 0) {
                if (!s.endsWith(")")) {
                    return null;
                }
                String list = s.substring(open + 1, s.length() - 1).trim();
                types = new ArrayList<>();
                if (!list.isEmpty()) {
                    for (String t : list.split(",")) {
                        types.add(t.replaceAll("\\s", ""));
                    }
                }
                s = s.substring(0, open).trim();
            }
            return s.isEmpty() ? null : new MethodPattern(text, s, types, line);
        }

        /** Types written with or without their package match; none written matches any list. */
        boolean matchesArguments(List<String> actual) {
            if (types == null) {
                return true;
            }
            if (types.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < types.size(); i++) {
                String want = types.get(i);
                String have = actual.get(i);
                if (!want.equals(have) && !want.equals(simple(have))) {
                    return false;
                }
            }
            return true;
        }
    }
}
