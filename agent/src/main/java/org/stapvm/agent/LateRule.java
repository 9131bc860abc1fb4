package org.stapvm.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.objectweb.asm.Type;

/**
 * A java() point as a rule for classes the compiler did not see: loaded after the session
 * started, loaded while it compiled, or the same name in another class loader. The compiler
 * resolved the point against the classes loaded then ({@link Site}s); this rule is the point
 * itself, its wildcards as regexes (org.stapvm.lang.Glob.toRegex), so the agent matches every
 * class the JVM loads or has loaded later as the compiler would have.
 *
 * @param simpleName    the class pattern is written without a package: it matches the last part
 *                      of the binary name (after '.' or '$')
 * @param descendants   '^': the class or any of its superclasses matches
 * @param argumentRegex the method's argument list ("int,java.lang.String"), or null when the point
 *                      wrote none (every overload)
 */
record LateRule(int slot, Site.Kind kind, boolean simpleName, boolean descendants, Pattern classRegex,
                Pattern methodRegex, Pattern argumentRegex, int line) {

    /** One line of an arm request: SLOT TAB "LATE" TAB KIND TAB NAMEPART TAB DESCENDANTS TAB CLASS TAB METHOD TAB ARGUMENTS TAB LINE. */
    static LateRule parse(String line) {
        String[] f = line.split("\t", -1);
        if (f.length != 9 || !f[1].equals("LATE")) {
            throw new IllegalArgumentException("bad rule line: " + line);
        }
        return new LateRule(Integer.parseInt(f[0]), Site.Kind.valueOf(f[2]), f[3].equals("simple"), f[4].equals("1"),
                Pattern.compile(f[5]), Pattern.compile(f[6]), f[7].equals("-") ? null : Pattern.compile(f[7]),
                Integer.parseInt(f[8]));
    }

    /** Whether the rule's class pattern takes a class of {@code lineage}: its binary name, then its superclasses'. */
    boolean appliesTo(List<String> lineage) {
        for (String name : descendants ? lineage : lineage.subList(0, 1)) {
            String part = simpleName ? name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf('$')) + 1) : name;
            if (classRegex.matcher(part).matches()) {
                return true;
            }
        }
        return false;
    }

    /** The sites of this rule among {@code methods} (name, descriptor pairs) of class {@code className}. */
    List<Site> sites(String className, List<String[]> methods) {
        List<Site> out = new ArrayList<>();
        for (String[] m : methods) {
            if (methodRegex.matcher(m[0]).matches()
                    && (argumentRegex == null || argumentRegex.matcher(argumentList(m[1])).matches())) {
                out.add(new Site(slot, kind, className, m[0], m[1], line));
            }
        }
        return out;
    }

    /** "int,java.lang.String[]": the argument types as the point's pattern writes them. */
    private static String argumentList(String descriptor) {
        List<String> names = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(descriptor)) {
            names.add(t.getClassName());
        }
        return String.join(",", names);
    }
}
