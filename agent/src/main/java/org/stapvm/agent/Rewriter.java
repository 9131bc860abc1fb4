package org.stapvm.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer of an armed session: each class that has sites (by binary name) gets its
 * methods rewritten by {@link MethodRewriter}; a class the compiler did not see gets the sites of
 * the {@link LateRule}s that take it; every other class passes unchanged. Registered
 * retransform-capable, so removing it and retransforming restores the original bytes.
 */
final class Rewriter implements ClassFileTransformer {
    private final Map<String, List<Site>> sitesByClass;
    private final List<LateRule> rules;
    private final boolean anyDescendants;
    /** Binary names of the classes rewritten, for the disarm to retransform (those loaded later too). */
    final Set<String> rewritten = ConcurrentHashMap.newKeySet();
    /** Set while a rule reads class files: the classes that loads pass unchanged (no re-entry). */
    private final ThreadLocal<boolean[]> busy = ThreadLocal.withInitial(() -> new boolean[1]);
    /** Sites actually rewritten, per slot (a line no method has stays 0). */
    final int[] placed = new int[Hook.SLOTS];
    /** The first failure, for the reply to the arm request. */
    volatile Throwable failure;

    Rewriter(Map<String, List<Site>> sitesByClass, List<LateRule> rules) {
        this.sitesByClass = sitesByClass;
        this.rules = rules;
        this.anyDescendants = rules.stream().anyMatch(LateRule::descendants);
    }

    /** Whether a rule takes the loaded class {@code c} (the arm retransforms it then). */
    boolean ruled(Class<?> c) {
        List<String> lineage = anyDescendants ? Lineage.of(c) : List.of(c.getName());
        return rules.stream().anyMatch(r -> r.appliesTo(lineage));
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        if (internalName == null || busy.get()[0]) {
            return null;
        }
        String name = internalName.replace('/', '.');
        try {
            List<Site> sites = sitesByClass.get(name);
            if (sites == null) {
                sites = ruleSites(internalName, name, redefined, bytes, loader);
            }
            if (sites.isEmpty()) {
                return null;
            }
            byte[] out = rewrite(bytes, sites, loader);
            rewritten.add(name);
            return out;
        } catch (Throwable t) {
            failure = t;
            return null;
        }
    }

    /** The sites the rules give a class the compiler did not see (none when no rule takes it). */
    private List<Site> ruleSites(String internalName, String name, Class<?> redefined, byte[] bytes, ClassLoader loader) {
        if (rules.isEmpty()) {
            return List.of();
        }
        boolean[] b = busy.get();
        b[0] = true;
        try {
            List<String> lineage = !anyDescendants ? List.of(name)
                    : redefined != null ? Lineage.of(redefined) : Lineage.of(internalName, bytes, loader);
            List<Site> out = new ArrayList<>();
            List<String[]> methods = null;
            for (LateRule r : rules) {
                if (r.appliesTo(lineage)) {
                    methods = methods != null ? methods : methodsOf(bytes);
                    out.addAll(r.sites(name, methods));
                }
            }
            return out;
        } finally {
            b[0] = false;
        }
    }

    /** The declared methods of a class file, {name, descriptor} each (abstract and native ones are not rewritten anyway). */
    private static List<String[]> methodsOf(byte[] bytes) {
        List<String[]> out = new ArrayList<>();
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                if ((access & Opcodes.ACC_SYNTHETIC) == 0) {
                    out.add(new String[] {name, descriptor});
                }
                return null;
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out;
    }

    byte[] rewrite(byte[] bytes, List<Site> sites, ClassLoader loader) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new LoaderClassWriter(reader, loader);
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
                List<Site> mine = new ArrayList<>();
                for (Site s : sites) {
                    if (s.name().equals(name) && s.descriptor().equals(descriptor)) {
                        mine.add(s);
                    }
                }
                if (mine.isEmpty() || (access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
                    return next;
                }
                return new MethodRewriter(next, access, name, descriptor, mine, placed);
            }
        }, ClassReader.EXPAND_FRAMES);
        return writer.toByteArray();
    }

    /** Frames are computed again; common superclasses are looked up through the class's own loader. */
    private static final class LoaderClassWriter extends ClassWriter {
        private final ClassLoader loader;

        LoaderClassWriter(ClassReader reader, ClassLoader loader) {
            super(reader, ClassWriter.COMPUTE_FRAMES);
            this.loader = loader;
        }

        @Override
        protected ClassLoader getClassLoader() {
            return loader != null ? loader : ClassLoader.getPlatformClassLoader();
        }

        @Override
        protected String getCommonSuperClass(String a, String b) {
            try {
                return super.getCommonSuperClass(a, b);
            } catch (RuntimeException | LinkageError e) {
                return "java/lang/Object";
            }
        }
    }
}
