package io.cacheguard.agent.analysis;

import io.cacheguard.agent.analysis.catalogue.BlobCache;
import io.cacheguard.agent.analysis.catalogue.ConditionalLockCache;
import io.cacheguard.agent.analysis.catalogue.ExpiringCache;
import io.cacheguard.agent.analysis.catalogue.InstanceRegistry;
import io.cacheguard.agent.analysis.catalogue.StaticLookupTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Handle;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Catalogue classes rewritten as Java 5 class files, the way legacy jars still ship them: version
 * 49, no StackMapTable, no nest attributes. An analysis that relies on the class file's frames
 * would see nothing here; the verdicts must be those of the original classes.
 */
final class Java5ClassFiles {

    /** Verdicts that control flow decides, from classes free of invokedynamic, which Java 5 class files cannot hold. */
    static final List<Class<?>> REWRITTEN = List.of(
            ExpiringCache.class, ConditionalLockCache.class, InstanceRegistry.class, BlobCache.class,
            StaticLookupTable.class);

    private Java5ClassFiles() {
    }

    /** The rewritten class files, by internal name. */
    static Map<String, byte[]> classFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Class<?> type : REWRITTEN) {
            files.put(type.getName().replace('.', '/'), rewrite(Catalogue.classFileOf(type)));
        }
        return files;
    }

    static List<Subject> subjects() {
        return REWRITTEN.stream()
                .map(type -> new Subject(Catalogue.displayName(type) + " as a Java 5 class file without frames",
                        rewrite(Catalogue.classFileOf(type)), Catalogue.CLASS_FILES, Catalogue.expectationsOf(type)))
                .toList();
    }

    /**
     * Reads without frames and writes without computing them, so none are left. Maximums are kept as
     * they were: dropping frames changes no instruction.
     */
    static byte[] rewrite(byte[] classFile) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_5, access, name, signature, superName, interfaces);
            }

            @Override
            public void visitNestHost(String nestHost) {
            }

            @Override
            public void visitNestMember(String nestMember) {
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
                    @Override
                    public void visitInvokeDynamicInsn(String indyName, String indyDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        throw new IllegalArgumentException(name + descriptor
                                + " uses invokedynamic, which a Java 5 class file cannot hold");
                    }
                };
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}
