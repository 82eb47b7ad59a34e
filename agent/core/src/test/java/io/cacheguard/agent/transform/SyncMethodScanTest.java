package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The scan decides which methods the class writer copies unparsed, so a method it misses would
 * silently lose its hooks: checked against what {@link SyncPatcher} really changes, method by
 * method, over thousands of classes nobody here wrote (the JDK's own {@code java.util} and
 * {@code java.lang}, and Guava).
 */
class SyncMethodScanTest {
    static final class Mixed {
        private final ReentrantLock lock = new ReentrantLock();
        private volatile int generation;
        private int plain;

        int pure(int x) {
            return x * 2 + plain;
        }

        void locked() {
            lock.lock();
            try {
                plain++;
            } finally {
                lock.unlock();
            }
        }

        int readsVolatile() {
            return generation;
        }

        synchronized void monitor() {
            plain--;
        }

        void block() {
            synchronized (this) {
                plain++;
            }
        }
    }

    static final class Quiet {
        private int total;

        int add(int x) {
            total += x;
            return total;
        }
    }

    @Test
    void namesExactlyTheMethodsWithSynchronization() throws IOException {
        Set<String> needing = SyncMethodScan.methodsNeedingHooks(classFile(Mixed.class));
        assertEquals(Set.of("locked()V", "readsVolatile()I", "monitor()V", "block()V"), needing);
    }

    @Test
    void aClassWithoutSynchronizationIsLeftAlone() throws IOException {
        assertEquals(Set.of(), SyncMethodScan.methodsNeedingHooks(classFile(Quiet.class)));
        assertNull(FieldPatcher.patch(classFile(Quiet.class), Map.of(), true, true));
    }

    @Test
    void missesNoMethodTheRewriteChangesInTheJdkAndGuava() throws IOException {
        List<byte[]> corpus = new ArrayList<>();
        FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/")); // the JVM's own: never closed
        for (String packageDir : List.of("java/util", "java/lang")) {
            try (Stream<Path> files = Files.walk(jrt.getPath("/modules/java.base", packageDir))) {
                for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".class"))::iterator) {
                    corpus.add(Files.readAllBytes(file));
                }
            }
        }
        Path guava = Path.of(URI.create(ImmutableList.class.getProtectionDomain().getCodeSource().getLocation().toString()));
        try (JarFile jar = new JarFile(guava.toFile())) {
            for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                JarEntry entry = entries.nextElement();
                if (entry.getName().endsWith(".class") && !entry.getName().contains("module-info")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        corpus.add(in.readAllBytes());
                    }
                }
            }
        }
        int changedMethods = 0;
        int flaggedMethods = 0;
        List<String> missed = new ArrayList<>();
        for (byte[] classFile : corpus) {
            ClassReader reader = new ClassReader(classFile);
            Set<String> flagged = SyncMethodScan.methodsNeedingHooks(classFile);
            Set<String> changed = methodsTheRewriteChanges(reader);
            for (String method : changed) {
                if (!flagged.contains(method)) {
                    missed.add(reader.getClassName() + "." + method);
                }
            }
            changedMethods += changed.size();
            flaggedMethods += flagged.size();
        }
        assertTrue(corpus.size() > 3000, "classes in the corpus: " + corpus.size());
        assertTrue(changedMethods > 1000, "methods the rewrite changes: " + changedMethods);
        assertEquals(List.of(), missed);
        // The scan may only over-approximate by what the rewrite skips on purpose (a native
        // synchronized method, a volatile static in a pre-Java-5 class).
        assertTrue(flaggedMethods - changedMethods < changedMethods / 100,
                "flagged " + flaggedMethods + " methods for " + changedMethods + " changed");
    }

    /** Runs each method through its own {@link SyncPatcher} and names those it changed. */
    private static Set<String> methodsTheRewriteChanges(ClassReader reader) {
        Set<String> changed = new HashSet<>();
        Set<String> volatileFields = new HashSet<>();
        String self = reader.getClassName();
        int[] version = {0};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public void visit(int v, int access, String name, String signature, String superName, String[] interfaces) {
                version[0] = v & 0xFFFF;
            }

            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature, Object value) {
                if ((access & Opcodes.ACC_VOLATILE) != 0) {
                    volatileFields.add(name);
                }
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                boolean[] flag = {false};
                return new SyncPatcher(new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitEnd() {
                        if (flag[0]) {
                            changed.add(name + descriptor);
                        }
                    }
                }, self, access, volatileFields, version[0], flag);
            }
        }, 0);
        return changed;
    }

    private static byte[] classFile(Class<?> type) throws IOException {
        String name = type.getName();
        try (InputStream in = type.getResourceAsStream(name.substring(name.lastIndexOf('.') + 1) + ".class")) {
            return in.readAllBytes();
        }
    }
}
