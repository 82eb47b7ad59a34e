package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.RawMapViews;
import java.io.ObjectStreamClass;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * An application's own LRU class guarded in itself, assembled at every class-file version the
 * rewrite meets (45, 48, 49, 52, 61, the running JDK's): the guarded class passes ASM's checks and
 * the JVM's verifier, keeps its LRU bound, access order and serialVersionUID, and stays within its
 * bound under four threads at once. A subclass of it, guarded as one, gets only its own methods
 * made synchronized.
 */
@Timeout(120)
class MapSubclassGuardTest {
    static final String LRU = "com/acme/legacy/VersionedLru";
    private static final String CHILD = "com/acme/legacy/VersionedLruChild";
    private static final String OBJECT_DESC = "Ljava/lang/Object;";
    private static final String GET = "(Ljava/lang/Object;)Ljava/lang/Object;";
    private static final int MAX = 4;

    @TestFactory
    Stream<DynamicTest> aGuardedLruIsValidAndKeepsItsBehaviourAtEveryClassFileVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int version : RewriteTargets.versions()) {
            tests.add(DynamicTest.dynamicTest("class file " + version, () -> checkAt(version)));
        }
        return tests.stream();
    }

    private static void checkAt(int version) throws Exception {
        byte[] original = lru(version);
        RewrittenBytecodeTest.check(original, "the original LRU at " + version);
        byte[] guarded = MapSubclassGuard.guard(original, LinkedHashMap.class, Set.of(), false);
        RewrittenBytecodeTest.check(guarded, "the guarded LRU at " + version);
        byte[] child = MapSubclassGuard.guard(child(version), null, Set.of(), true);
        RewrittenBytecodeTest.check(child, "the guarded subclass at " + version);
        assertEquals(version, ((guarded[6] & 0xFF) << 8) | (guarded[7] & 0xFF), "the class-file version is kept");

        Class<?> before = new BytesLoader(Map.of(LRU, original)).loadClass(LRU.replace('/', '.'));
        BytesLoader loader = new BytesLoader(Map.of(LRU, guarded, CHILD, child));
        Class<?> type = loader.loadClass(LRU.replace('/', '.'));
        assertEquals(ObjectStreamClass.lookup(before).getSerialVersionUID(),
                ObjectStreamClass.lookup(type).getSerialVersionUID(), "streams written before still read");
        assertTrue(RawMapViews.class.isAssignableFrom(type));
        assertTrue(Modifier.isSynchronized(type.getDeclaredMethod("get", Object.class).getModifiers()), "its own get");
        assertTrue(Modifier.isSynchronized(type.getDeclaredMethod("put", Object.class, Object.class).getModifiers()),
                "the inherited put, overridden");
        assertTrue(Modifier.isSynchronized(type.getDeclaredMethod("computeIfAbsent", Object.class,
                java.util.function.Function.class)
                .getModifiers()), "a default method of Map, overridden");
        assertFalse(Modifier.isSynchronized(type.getDeclaredMethod("removeEldestEntry", Map.Entry.class).getModifiers()),
                "removeEldestEntry is called from inside put, and kept as it is");

        @SuppressWarnings("unchecked")
        Map<Object, Object> lru = (Map<Object, Object>) type.getConstructor().newInstance();
        for (int i = 0; i < 10; i++) {
            lru.put(i, "v" + i);
        }
        assertEquals(List.of(6, 7, 8, 9), new ArrayList<>(lru.keySet()), "bounded by its removeEldestEntry");
        assertEquals("v6", lru.get(6));
        assertEquals(List.of(7, 8, 9, 6), new ArrayList<>(lru.keySet()), "access order");
        assertNotEquals(LinkedHashMap.class, lru.keySet().getClass().getEnclosingClass(), "a locked view");
        lru.keySet().remove(7);
        assertEquals(List.of(8, 9, 6), new ArrayList<>(lru.keySet()), "a view's remove reaches the map");
        assertEquals(1, lookups(lru));
        assertEquals("{8=v8, 9=v9, 6=v6}", lru.toString());

        hammer(lru);
        assertTrue(lru.size() <= MAX, "size " + lru.size());
        assertEquals(lru.size(), new ArrayList<>(lru.entrySet()).size());

        Class<?> childType = loader.loadClass(CHILD.replace('/', '.'));
        Method childGet = childType.getDeclaredMethod("get", Object.class);
        assertTrue(Modifier.isSynchronized(childGet.getModifiers()), "the subclass's own get");
        assertFalse(hasDeclared(childType, "put"), "the inherited guarded put is not overridden again");
        @SuppressWarnings("unchecked")
        Map<Object, Object> childMap = (Map<Object, Object>) childType.getConstructor().newInstance();
        hammer(childMap);
        assertTrue(childMap.size() <= MAX, "size " + childMap.size());
    }

    /** Four threads released together, each doing get-then-put over more keys than the bound. */
    private static void hammer(Map<Object, Object> map) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int seed = t;
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 20_000; i++) {
                        Integer key = (i * 7 + seed) % 32;
                        if (map.get(key) == null) {
                            map.put(key, key);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : done) {
                future.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static long lookups(Object lru) throws Exception {
        java.lang.reflect.Field field = lru.getClass().getDeclaredField("lookups");
        field.setAccessible(true);
        return field.getInt(lru);
    }

    private static boolean hasDeclared(Class<?> type, String name) {
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /**
     * <pre>
     * public class VersionedLru extends LinkedHashMap {
     *     int lookups;
     *     public VersionedLru() { super(16, 0.75f, true); }
     *     public Object get(Object key) { lookups++; return super.get(key); }
     *     protected boolean removeEldestEntry(Map.Entry eldest) { return size() > 4; }
     * }
     * </pre>
     */
    static byte[] lru(int version) {
        ClassWriter cw = writer(version);
        cw.visit(RewriteTargets.asmVersion(version), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, LRU, null,
                "java/util/LinkedHashMap", null);
        cw.visitField(0, "lookups", "I", null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitIntInsn(Opcodes.BIPUSH, 16);
        init.visitLdcInsn(0.75f);
        init.visitInsn(Opcodes.ICONST_1);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/LinkedHashMap", "<init>", "(IFZ)V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor get = cw.visitMethod(Opcodes.ACC_PUBLIC, "get", GET, null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitInsn(Opcodes.DUP);
        get.visitFieldInsn(Opcodes.GETFIELD, LRU, "lookups", "I");
        get.visitInsn(Opcodes.ICONST_1);
        get.visitInsn(Opcodes.IADD);
        get.visitFieldInsn(Opcodes.PUTFIELD, LRU, "lookups", "I");
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitVarInsn(Opcodes.ALOAD, 1);
        get.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/LinkedHashMap", "get", GET, false);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        MethodVisitor evict = cw.visitMethod(Opcodes.ACC_PROTECTED, "removeEldestEntry", "(Ljava/util/Map$Entry;)Z",
                null, null);
        evict.visitCode();
        Label over = new Label();
        evict.visitVarInsn(Opcodes.ALOAD, 0);
        evict.visitMethodInsn(Opcodes.INVOKEVIRTUAL, LRU, "size", "()I", false);
        evict.visitInsn(Opcodes.ICONST_4);
        evict.visitJumpInsn(Opcodes.IF_ICMPGT, over);
        evict.visitInsn(Opcodes.ICONST_0);
        evict.visitInsn(Opcodes.IRETURN);
        evict.visitLabel(over);
        evict.visitInsn(Opcodes.ICONST_1);
        evict.visitInsn(Opcodes.IRETURN);
        evict.visitMaxs(0, 0);
        evict.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code public class VersionedLruChild extends VersionedLru { public Object get(Object k) { return super.get(k); } }} */
    private static byte[] child(int version) {
        ClassWriter cw = writer(version);
        cw.visit(RewriteTargets.asmVersion(version), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, CHILD, null, LRU, null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, LRU, "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor get = cw.visitMethod(Opcodes.ACC_PUBLIC, "get", GET, null, null);
        get.visitCode();
        get.visitVarInsn(Opcodes.ALOAD, 0);
        get.visitVarInsn(Opcodes.ALOAD, 1);
        get.visitMethodInsn(Opcodes.INVOKESPECIAL, LRU, "get", GET, false);
        get.visitInsn(Opcodes.ARETURN);
        get.visitMaxs(0, 0);
        get.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    private static ClassWriter writer(int version) {
        return new ClassWriter(version >= Opcodes.V1_6 ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
    }

    /** Defines the given classes from bytes, so the JVM's verifier checks them; the rest from the test's loader. */
    private static final class BytesLoader extends ClassLoader {
        private final Map<String, byte[]> classes;

        BytesLoader(Map<String, byte[]> classes) {
            super(MapSubclassGuardTest.class.getClassLoader());
            this.classes = classes;
        }

        @Override
        protected Class<?> findClass(String className) throws ClassNotFoundException {
            byte[] bytes = classes.get(className.replace('.', '/'));
            if (bytes == null) {
                throw new ClassNotFoundException(className);
            }
            return defineClass(className, bytes, 0, bytes.length);
        }
    }
}
