package io.cacheguard.agent.transform;

import java.util.function.Consumer;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Tiny target classes, one per bytecode shape the rewrite changes, assembled at any class-file
 * version: what javac no longer emits (45 to 48, no class constants; 49, no frames) comes out as
 * legacy jars ship it. Each shape is what the decompiled comment shows; every class is a cache by
 * name, so the default selection analyses it.
 */
final class RewriteTargets {
    static final String PACKAGE = "com/acme/legacy/";
    private static final String MAP = "java/util/Map";
    private static final String MAP_DESC = "Ljava/util/Map;";
    private static final String HASH_MAP = "java/util/HashMap";
    private static final String GET = "(Ljava/lang/Object;)Ljava/lang/Object;";
    private static final String PUT = "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;";

    /** A shape: its simple class name and how to assemble it. */
    record Shape(String simpleName, Consumer<ClassWriter> body) {
        String internalName() {
            return PACKAGE + simpleName;
        }

        String className() {
            return internalName().replace('/', '.');
        }
    }

    /**
     * <pre>
     * static Map cache;
     * static Object lookup(Object k) {
     *     if (cache == null) cache = new HashMap();    // lazy static store: a class constant before the fix
     *     Object v = cache.get(k);
     *     if (v == null) { v = String.valueOf(k); cache.put(k, v); }
     *     return v;
     * }
     * </pre>
     */
    static final Shape STATIC_LAZY = new Shape("StaticLazyMemo", cw -> {
        String self = PACKAGE + "StaticLazyMemo";
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "cache", MAP_DESC, null, null).visitEnd();
        defaultConstructor(cw);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup", GET, null, null);
        mv.visitCode();
        Label initialised = new Label();
        mv.visitFieldInsn(Opcodes.GETSTATIC, self, "cache", MAP_DESC);
        mv.visitJumpInsn(Opcodes.IFNONNULL, initialised);
        newHashMap(mv);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, self, "cache", MAP_DESC);
        mv.visitLabel(initialised);
        mv.visitFieldInsn(Opcodes.GETSTATIC, self, "cache", MAP_DESC);
        memoize(mv, 0, 1, () -> mv.visitFieldInsn(Opcodes.GETSTATIC, self, "cache", MAP_DESC));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    });

    /** {@link #STATIC_LAZY} on an instance field: {@code if (cache == null) cache = new HashMap();}. */
    static final Shape INSTANCE_LAZY = new Shape("InstanceLazyMemo", cw -> {
        String self = PACKAGE + "InstanceLazyMemo";
        cw.visitField(Opcodes.ACC_PRIVATE, "cache", MAP_DESC, null, null).visitEnd();
        defaultConstructor(cw);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC, "lookup", GET, null, null);
        mv.visitCode();
        Label initialised = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, self, "cache", MAP_DESC);
        mv.visitJumpInsn(Opcodes.IFNONNULL, initialised);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        newHashMap(mv);
        mv.visitFieldInsn(Opcodes.PUTFIELD, self, "cache", MAP_DESC);
        mv.visitLabel(initialised);
        mv.visitVarInsn(Opcodes.ALOAD, 0);
        mv.visitFieldInsn(Opcodes.GETFIELD, self, "cache", MAP_DESC);
        memoize(mv, 1, 2, () -> {
            mv.visitVarInsn(Opcodes.ALOAD, 0);
            mv.visitFieldInsn(Opcodes.GETFIELD, self, "cache", MAP_DESC);
        });
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    });

    /**
     * A fresh map stored through a local, then filled through the local (see {@code FreshMapLocal}):
     * <pre>
     * static Map cache;
     * static void reset(Object k, Object v) { HashMap m = new HashMap(); cache = m; m.put(k, v); }
     * static Object lookup(Object k) { return cache.get(k); }
     * </pre>
     * The field holds the guarded twin, a copy: unless the local takes the twin too, the put is lost.
     */
    static final Shape FRESH_LOCAL = new Shape("FreshLocalCache", cw -> {
        String self = PACKAGE + "FreshLocalCache";
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "cache", MAP_DESC, null, null).visitEnd();
        defaultConstructor(cw);
        MethodVisitor reset = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "reset",
                "(Ljava/lang/Object;Ljava/lang/Object;)V", null, null);
        reset.visitCode();
        newHashMap(reset);
        reset.visitVarInsn(Opcodes.ASTORE, 2);
        reset.visitVarInsn(Opcodes.ALOAD, 2);
        reset.visitFieldInsn(Opcodes.PUTSTATIC, self, "cache", MAP_DESC);
        reset.visitVarInsn(Opcodes.ALOAD, 2);
        reset.visitVarInsn(Opcodes.ALOAD, 0);
        reset.visitVarInsn(Opcodes.ALOAD, 1);
        reset.visitMethodInsn(Opcodes.INVOKEVIRTUAL, HASH_MAP, "put", PUT, false);
        reset.visitInsn(Opcodes.POP);
        reset.visitInsn(Opcodes.RETURN);
        reset.visitMaxs(0, 0);
        reset.visitEnd();
        MethodVisitor lookup = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup", GET, null, null);
        lookup.visitCode();
        lookup.visitFieldInsn(Opcodes.GETSTATIC, self, "cache", MAP_DESC);
        lookup.visitVarInsn(Opcodes.ALOAD, 0);
        lookup.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "get", GET, true);
        lookup.visitInsn(Opcodes.ARETURN);
        lookup.visitMaxs(0, 0);
        lookup.visitEnd();
    });

    /**
     * A lazy initialisation through a local: the thread that loses the compare-and-set adopts the
     * winner's map ({@code Guards.adopt}, which takes the local's type as a {@code Class}).
     * <pre>
     * static Map cache;
     * static Object lookup(Object k) {
     *     Map m = cache;
     *     if (m == null) { m = new HashMap(); cache = m; }
     *     ... memoize through m
     * }
     * </pre>
     */
    static final Shape LAZY_LOCAL = new Shape("LazyLocalMemo", cw -> {
        String self = PACKAGE + "LazyLocalMemo";
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC, "cache", MAP_DESC, null, null).visitEnd();
        defaultConstructor(cw);
        MethodVisitor mv = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "lookup", GET, null, null);
        mv.visitCode();
        Label initialised = new Label();
        mv.visitFieldInsn(Opcodes.GETSTATIC, self, "cache", MAP_DESC);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitJumpInsn(Opcodes.IFNONNULL, initialised);
        newHashMap(mv);
        mv.visitVarInsn(Opcodes.ASTORE, 2);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        mv.visitFieldInsn(Opcodes.PUTSTATIC, self, "cache", MAP_DESC);
        mv.visitLabel(initialised);
        mv.visitVarInsn(Opcodes.ALOAD, 2);
        memoize(mv, 0, 1, () -> mv.visitVarInsn(Opcodes.ALOAD, 2));
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    });

    /**
     * Every kind of synchronization the detector's rewrite changes:
     * <pre>
     * static volatile Object latest; volatile int count; final Map cache = new HashMap();
     * synchronized Object lookup(Object k) { return cache.get(k); }
     * static synchronized void publish(Object v) { latest = v; }
     * void put(Object k, Object v) { synchronized (this) { cache.put(k, v); count = count + 1; } }
     * static Object latest() { return latest; }
     * int count() { return count; }
     * </pre>
     */
    static final Shape SYNCHRONIZED = new Shape("SynchronizedCache", cw -> {
        String self = PACKAGE + "SynchronizedCache";
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_STATIC | Opcodes.ACC_VOLATILE, "latest",
                "Ljava/lang/Object;", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_VOLATILE, "count", "I", null, null).visitEnd();
        cw.visitField(Opcodes.ACC_PRIVATE | Opcodes.ACC_FINAL, "cache", MAP_DESC, null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        newHashMap(init);
        init.visitFieldInsn(Opcodes.PUTFIELD, self, "cache", MAP_DESC);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor lookup = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_SYNCHRONIZED, "lookup", GET, null, null);
        lookup.visitCode();
        lookup.visitVarInsn(Opcodes.ALOAD, 0);
        lookup.visitFieldInsn(Opcodes.GETFIELD, self, "cache", MAP_DESC);
        lookup.visitVarInsn(Opcodes.ALOAD, 1);
        lookup.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "get", GET, true);
        lookup.visitInsn(Opcodes.ARETURN);
        lookup.visitMaxs(0, 0);
        lookup.visitEnd();

        MethodVisitor publish = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC | Opcodes.ACC_SYNCHRONIZED,
                "publish", "(Ljava/lang/Object;)V", null, null);
        publish.visitCode();
        publish.visitVarInsn(Opcodes.ALOAD, 0);
        publish.visitFieldInsn(Opcodes.PUTSTATIC, self, "latest", "Ljava/lang/Object;");
        publish.visitInsn(Opcodes.RETURN);
        publish.visitMaxs(0, 0);
        publish.visitEnd();

        MethodVisitor put = cw.visitMethod(Opcodes.ACC_PUBLIC, "put", "(Ljava/lang/Object;Ljava/lang/Object;)V",
                null, null);
        Label start = new Label();
        Label end = new Label();
        Label handler = new Label();
        put.visitCode();
        put.visitTryCatchBlock(start, end, handler, null);
        put.visitVarInsn(Opcodes.ALOAD, 0);
        put.visitInsn(Opcodes.DUP);
        put.visitVarInsn(Opcodes.ASTORE, 3);
        put.visitInsn(Opcodes.MONITORENTER);
        put.visitLabel(start);
        put.visitVarInsn(Opcodes.ALOAD, 0);
        put.visitFieldInsn(Opcodes.GETFIELD, self, "cache", MAP_DESC);
        put.visitVarInsn(Opcodes.ALOAD, 1);
        put.visitVarInsn(Opcodes.ALOAD, 2);
        put.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "put", PUT, true);
        put.visitInsn(Opcodes.POP);
        put.visitVarInsn(Opcodes.ALOAD, 0);
        put.visitVarInsn(Opcodes.ALOAD, 0);
        put.visitFieldInsn(Opcodes.GETFIELD, self, "count", "I");
        put.visitInsn(Opcodes.ICONST_1);
        put.visitInsn(Opcodes.IADD);
        put.visitFieldInsn(Opcodes.PUTFIELD, self, "count", "I");
        put.visitVarInsn(Opcodes.ALOAD, 3);
        put.visitInsn(Opcodes.MONITOREXIT);
        put.visitLabel(end);
        put.visitInsn(Opcodes.RETURN);
        put.visitLabel(handler);
        put.visitVarInsn(Opcodes.ASTORE, 4);
        put.visitVarInsn(Opcodes.ALOAD, 3);
        put.visitInsn(Opcodes.MONITOREXIT);
        put.visitVarInsn(Opcodes.ALOAD, 4);
        put.visitInsn(Opcodes.ATHROW);
        put.visitMaxs(0, 0);
        put.visitEnd();

        MethodVisitor latest = cw.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "latest",
                "()Ljava/lang/Object;", null, null);
        latest.visitCode();
        latest.visitFieldInsn(Opcodes.GETSTATIC, self, "latest", "Ljava/lang/Object;");
        latest.visitInsn(Opcodes.ARETURN);
        latest.visitMaxs(0, 0);
        latest.visitEnd();

        MethodVisitor count = cw.visitMethod(Opcodes.ACC_PUBLIC, "count", "()I", null, null);
        count.visitCode();
        count.visitVarInsn(Opcodes.ALOAD, 0);
        count.visitFieldInsn(Opcodes.GETFIELD, self, "count", "I");
        count.visitInsn(Opcodes.IRETURN);
        count.visitMaxs(0, 0);
        count.visitEnd();
    });

    static final Shape[] ALL = {STATIC_LAZY, INSTANCE_LAZY, FRESH_LOCAL, LAZY_LOCAL, SYNCHRONIZED};

    private RewriteTargets() {
    }

    /**
     * The shape as a class file of {@code version} (the major number). From 50 on it carries the
     * frames a verifier of that version checks; before, none, as javac of the time wrote it.
     */
    static byte[] assemble(Shape shape, int major) {
        boolean frames = major >= Opcodes.V1_6;
        ClassWriter cw = new ClassWriter(frames ? ClassWriter.COMPUTE_FRAMES : ClassWriter.COMPUTE_MAXS) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object"; // the only merges are of Object-typed locals; loads nothing
            }
        };
        cw.visit(asmVersion(major), Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, shape.internalName(), null, "java/lang/Object",
                null);
        shape.body().accept(cw);
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** Class-file major numbers the rewrite is checked at: JDK 1.1, 1.4, 5, 8, 17 and the running JDK's. */
    static int[] versions() {
        int newest = Runtime.version().feature() + 44;
        return newest == 61 ? new int[] {45, 48, 49, 52, 61} : new int[] {45, 48, 49, 52, 61, newest};
    }

    /** ASM's version word: 45 is written 45.3, as JDK 1.1's javac wrote it. */
    static int asmVersion(int major) {
        return major == 45 ? Opcodes.V1_1 : major;
    }

    private static void defaultConstructor(ClassWriter cw) {
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
    }

    private static void newHashMap(MethodVisitor mv) {
        mv.visitTypeInsn(Opcodes.NEW, HASH_MAP);
        mv.visitInsn(Opcodes.DUP);
        mv.visitMethodInsn(Opcodes.INVOKESPECIAL, HASH_MAP, "<init>", "()V", false);
    }

    /**
     * With the map on the stack and the key in local {@code key}: {@code Object v = map.get(key);
     * if (v == null) { v = String.valueOf(key); map.put(key, v); } return v;} with {@code v} in local
     * {@code value}, and {@code pushMap} pushing the map again for the put.
     */
    private static void memoize(MethodVisitor mv, int key, int value, Runnable pushMap) {
        Label found = new Label();
        mv.visitVarInsn(Opcodes.ALOAD, key);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "get", GET, true);
        mv.visitVarInsn(Opcodes.ASTORE, value);
        mv.visitVarInsn(Opcodes.ALOAD, value);
        mv.visitJumpInsn(Opcodes.IFNONNULL, found);
        mv.visitVarInsn(Opcodes.ALOAD, key);
        mv.visitMethodInsn(Opcodes.INVOKESTATIC, "java/lang/String", "valueOf", "(Ljava/lang/Object;)Ljava/lang/String;",
                false);
        mv.visitVarInsn(Opcodes.ASTORE, value);
        pushMap.run();
        mv.visitVarInsn(Opcodes.ALOAD, key);
        mv.visitVarInsn(Opcodes.ALOAD, value);
        mv.visitMethodInsn(Opcodes.INVOKEINTERFACE, MAP, "put", PUT, true);
        mv.visitInsn(Opcodes.POP);
        mv.visitLabel(found);
        mv.visitVarInsn(Opcodes.ALOAD, value);
        mv.visitInsn(Opcodes.ARETURN);
    }
}
