package org.stapvm.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;

/**
 * A class's binary name and its superclasses' names, nearest first, for {@link LateRule}'s '^':
 * from a loaded class, or for one being defined (whose superclass may not be loaded yet) from its
 * bytes and its loader's class files.
 */
final class Lineage {
    /** Internal name to its superclass's internal name ("" for none or not found): class files are read once. */
    private static final Map<String, String> SUPER = new ConcurrentHashMap<>();
    /** A chain longer than this is not a class hierarchy (a loader that answers in circles). */
    private static final int MAX_DEPTH = 64;

    private Lineage() {}

    static List<String> of(Class<?> c) {
        List<String> out = new ArrayList<>();
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            out.add(k.getName());
        }
        return out;
    }

    static List<String> of(String internalName, byte[] bytes, ClassLoader loader) {
        List<String> out = new ArrayList<>();
        out.add(internalName.replace('/', '.'));
        String up = new ClassReader(bytes).getSuperName();
        for (int depth = 0; up != null && !up.isEmpty() && depth < MAX_DEPTH; depth++) {
            out.add(up.replace('/', '.'));
            up = superOf(up, loader);
        }
        return out;
    }

    /** The class file {@code loader} (null: the boot loader) has for {@code internalName}, or null. */
    static InputStream classFile(String internalName, ClassLoader loader) {
        String file = internalName + ".class";
        return loader != null ? loader.getResourceAsStream(file) : ClassLoader.getSystemResourceAsStream(file);
    }

    private static String superOf(String internalName, ClassLoader loader) {
        String known = SUPER.get(internalName);
        if (known != null) {
            return known;
        }
        String found = "";
        try (InputStream in = classFile(internalName, loader)) {
            if (in != null) {
                String s = new ClassReader(in).getSuperName();
                found = s == null ? "" : s;
            }
        } catch (IOException | RuntimeException e) {
            // unreadable: the chain ends here, as if the class had no superclass
        }
        SUPER.put(internalName, found);
        return found;
    }
}
