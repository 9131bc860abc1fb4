package org.stapvm.agent;

import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * The query request: IN lists class names to load if they are not yet (without initializing
 * them); the reply has a line "class NAME SUPER" for every loaded class that has a name (no
 * arrays, no hidden classes such as lambdas) and, for the classes IN names or matches
 * (a '*' in an IN line matches any characters), "method CLASS NAME DESCRIPTOR" per declared method.
 */
final class ClassQuery {
    private ClassQuery() {}

    static void run(Instrumentation inst, List<String> in, List<String> reply) {
        ClassLoader app = ClassLoader.getSystemClassLoader();
        for (String name : in) {
            if (!name.contains("*")) {
                try {
                    Class.forName(name, false, app);
                } catch (ClassNotFoundException | LinkageError e) {
                    // not there: the reply's class list lets the compiler say so, with similar names
                }
            }
        }
        Set<String> seen = new HashSet<>();
        for (Class<?> c : inst.getAllLoadedClasses()) {
            if (c.isArray() || c.isHidden() || c.isPrimitive() || !seen.add(c.getName())) {
                continue;
            }
            Class<?> sup = c.getSuperclass();
            reply.add("class\t" + c.getName() + "\t" + (sup == null ? "" : sup.getName()));
            if (in.stream().anyMatch(p -> matches(p, c.getName()))) {
                Method[] methods;
                try {
                    methods = c.getDeclaredMethods();
                } catch (LinkageError e) {
                    continue;
                }
                for (Method m : methods) {
                    if (!m.isSynthetic()) {
                        reply.add("method\t" + c.getName() + "\t" + m.getName() + "\t" + Type.getMethodDescriptor(m));
                    }
                }
            }
        }
    }

    private static boolean matches(String pattern, String name) {
        String re = java.util.Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return name.matches(re);
    }
}
