package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cacheguard.agent.analysis.catalogue.CompileUnderLock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FrameNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * The hand-made class files are what they claim to be, so that a catalogue failure on one of them
 * is the analysis' fault and not the generator's.
 */
class GeneratedBytecodeTest {

    @Test
    void java5RewritesHaveVersion49AndNoStackMapFrames() {
        List<Executable> checks = new ArrayList<>();
        Java5ClassFiles.classFiles().forEach((name, classFile) -> checks.add(() -> {
            ClassNode node = new ClassNode();
            new ClassReader(classFile).accept(node, 0);
            assertEquals(Opcodes.V1_5, node.version, name);
            for (MethodNode method : node.methods) {
                boolean hasFrame = false;
                for (var instruction : method.instructions) {
                    hasFrame |= instruction instanceof FrameNode;
                }
                assertFalse(hasFrame, name + "." + method.name + " still has stack map frames");
            }
        }));
        assertAll(checks);
    }

    @Test
    void java5RewriteRefusesInvokedynamic() {
        byte[] withLambda = Catalogue.classFileOf(CompileUnderLock.class);
        assertThrows(IllegalArgumentException.class, () -> Java5ClassFiles.rewrite(withLambda));
    }

    /** Initializing a class links it, and linking a class from a non-boot loader runs the verifier. */
    @Test
    void everyGeneratedClassFilePassesTheJvmVerifier() {
        Map<String, byte[]> generated = new LinkedHashMap<>();
        generated.putAll(Java5ClassFiles.classFiles());
        generated.putAll(KotlinStyleBytecode.classFiles());
        generated.putAll(ScalaStyleBytecode.classFiles());
        GeneratedLoader loader = new GeneratedLoader(generated);
        List<Executable> checks = new ArrayList<>();
        for (String internalName : generated.keySet()) {
            String name = internalName.replace('/', '.');
            checks.add(() -> assertEquals(loader, Class.forName(name, true, loader).getClassLoader(), name));
        }
        assertAll(checks);
    }

    /** Defines the generated classes itself, ahead of its parent, which holds the originals of the rewrites. */
    private static final class GeneratedLoader extends ClassLoader {
        private final Map<String, byte[]> classFiles;

        GeneratedLoader(Map<String, byte[]> classFiles) {
            super(GeneratedBytecodeTest.class.getClassLoader());
            this.classFiles = classFiles;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            byte[] classFile = classFiles.get(name.replace('.', '/'));
            if (classFile == null) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                return loaded != null ? loaded : defineClass(name, classFile, 0, classFile.length);
            }
        }
    }
}
