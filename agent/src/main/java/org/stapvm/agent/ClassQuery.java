package org.stapvm.agent;

import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The query request: IN lists class names to load if they are not yet (without initializing
 * them); the reply has a line "class NAME SUPER" for every loaded class that has a name (no
 * arrays, no hidden classes such as lambdas) and, for the classes IN names or matches
 * (a '*' in an IN line matches any characters), "method CLASS NAME DESCRIPTOR LINES" per declared
 * method, LINES the source lines it has code on ("12,13,15"; empty without a line table).
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
                Map<String, String> lines = linesOf(c);
                for (Method m : methods) {
                    if (!m.isSynthetic()) {
                        String key = m.getName() + Type.getMethodDescriptor(m);
                        reply.add("method\t" + c.getName() + "\t" + m.getName() + "\t" + Type.getMethodDescriptor(m)
                                + "\t" + lines.getOrDefault(key, ""));
                    }
                }
            }
        }
    }

    /** NAME+DESCRIPTOR to its lines ("12,13"), from the class file its loader has (none found: empty). */
    private static Map<String, String> linesOf(Class<?> c) {
        Map<String, String> out = new HashMap<>();
        try (InputStream in = Lineage.classFile(c.getName().replace('.', '/'), c.getClassLoader())) {
            if (in == null) {
                return out;
            }
            new ClassReader(in).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    Set<Integer> seen = new TreeSet<>();
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitLineNumber(int line, Label start) {
                            seen.add(line);
                        }

                        @Override
                        public void visitEnd() {
                            out.put(name + descriptor, seen.stream().map(String::valueOf).collect(Collectors.joining(",")));
                        }
                    };
                }
            }, ClassReader.SKIP_FRAMES);
        } catch (IOException | RuntimeException e) {
            // no readable class file: the lines stay unknown, the arm reports a line no method has
        }
        return out;
    }

    private static boolean matches(String pattern, String name) {
        String re = java.util.Arrays.stream(pattern.split("\\*", -1)).map(java.util.regex.Pattern::quote)
                .collect(java.util.stream.Collectors.joining(".*"));
        return name.matches(re);
    }
}
