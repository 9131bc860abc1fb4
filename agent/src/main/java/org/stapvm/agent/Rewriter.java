package org.stapvm.agent;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The transformer of an armed session: each class that has sites (by binary name) gets its
 * methods rewritten by {@link MethodRewriter}; every other class passes unchanged. Registered
 * retransform-capable, so removing it and retransforming restores the original bytes.
 */
final class Rewriter implements ClassFileTransformer {
    private final Map<String, List<Site>> sitesByClass;
    /** Sites actually rewritten, per slot (a line no method has stays 0). */
    final int[] placed = new int[Hook.SLOTS];
    /** The first failure, for the reply to the arm request. */
    volatile Throwable failure;

    Rewriter(Map<String, List<Site>> sitesByClass) {
        this.sitesByClass = sitesByClass;
    }

    @Override
    public byte[] transform(ClassLoader loader, String internalName, Class<?> redefined, ProtectionDomain domain,
                            byte[] bytes) {
        List<Site> sites = internalName == null ? null : sitesByClass.get(internalName.replace('/', '.'));
        if (sites == null) {
            return null;
        }
        try {
            return rewrite(bytes, sites, loader);
        } catch (Throwable t) {
            failure = t;
            return null;
        }
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
