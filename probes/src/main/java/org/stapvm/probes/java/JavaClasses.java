package org.stapvm.probes.java;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent's query reply says of a JVM's classes: every loaded class with its superclass,
 * and the declared methods of the classes asked about (name and JVM descriptor).
 */
public final class JavaClasses {
    /**
     * One declared method; {@code descriptor} as the JVM writes it, "(ILjava/lang/String;)V";
     * {@code lines} the source lines it has code on (empty when its class file has no line table).
     */
    public record JavaMethod(String className, String name, String descriptor, List<Integer> lines) {
        /** The argument types as Java source names them: "int", "java.lang.String", "int[]". */
        public List<String> argumentTypes() {
            List<String> out = new ArrayList<>();
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                int start = i;
                while (descriptor.charAt(i) == '[') {
                    i++;
                }
                i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
                out.add(typeName(descriptor.substring(start, i)));
            }
            return out;
        }

        /** "name(int,java.lang.String)", as stap's PATTERN writes a signature. */
        public String signature() {
            return name + "(" + String.join(",", argumentTypes()) + ")";
        }

        private static String typeName(String d) {
            return switch (d.charAt(0)) {
                case '[' -> typeName(d.substring(1)) + "[]";
                case 'L' -> d.substring(1, d.length() - 1).replace('/', '.');
                case 'Z' -> "boolean";
                case 'B' -> "byte";
                case 'C' -> "char";
                case 'S' -> "short";
                case 'I' -> "int";
                case 'J' -> "long";
                case 'F' -> "float";
                case 'D' -> "double";
                default -> d;
            };
        }
    }

    private final Map<String, String> superOf = new LinkedHashMap<>();
    private final Map<String, List<JavaMethod>> methods = new LinkedHashMap<>();

    /** Adds what one query reply says ("class NAME SUPER" and "method CLASS NAME DESCRIPTOR LINES" lines). */
    public void add(List<String> reply) {
        for (String line : reply) {
            String[] f = line.split("\t", -1);
            if (f[0].equals("class") && f.length == 3) {
                superOf.put(f[1], f[2]);
            } else if (f[0].equals("method") && f.length == 5) {
                List<JavaMethod> list = methods.computeIfAbsent(f[1], k -> new ArrayList<>());
                List<Integer> lines = f[4].isEmpty() ? List.of()
                        : java.util.Arrays.stream(f[4].split(",")).map(Integer::valueOf).toList();
                JavaMethod m = new JavaMethod(f[1], f[2], f[3], lines);
                if (!list.contains(m)) {
                    list.add(m);
                }
            }
        }
    }

    public List<String> names() {
        return List.copyOf(superOf.keySet());
    }

    public boolean isLoaded(String name) {
        return superOf.containsKey(name);
    }

    /** Whether {@code name} is {@code ancestor} or one of its subclasses. */
    public boolean descendsFrom(String name, String ancestor) {
        for (String c = name; c != null && !c.isEmpty(); c = superOf.get(c)) {
            if (c.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The declared methods of {@code className} (empty when it was not asked about). */
    public List<JavaMethod> methodsOf(String className) {
        return methods.getOrDefault(className, List.of());
    }

    public boolean hasMethodsOf(String className) {
        return methods.containsKey(className);
    }
}
