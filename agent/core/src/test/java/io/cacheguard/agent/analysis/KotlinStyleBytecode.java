package io.cacheguard.agent.analysis;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ACC_SYNTHETIC;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.ATHROW;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.GETSTATIC;
import static org.objectweb.asm.Opcodes.GOTO;
import static org.objectweb.asm.Opcodes.IFNONNULL;
import static org.objectweb.asm.Opcodes.ILOAD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.IRETURN;
import static org.objectweb.asm.Opcodes.ISTORE;
import static org.objectweb.asm.Opcodes.MONITORENTER;
import static org.objectweb.asm.Opcodes.MONITOREXIT;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V1_8;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Class files in the shape kotlinc emits, written with ASM so the build needs no Kotlin compiler.
 * What javac never produces: a private property read from an anonymous object through a synthetic
 * static {@code access$getSessions$p} accessor; {@code synchronized} and {@code withLock} inlined
 * with Kotlin's exception handler, which, unlike javac's, does not cover its own monitorexit;
 * the lock kept in a local; {@code getOrPut} inlined through a local cast to Map; Intrinsics null
 * checks on parameters.
 */
final class KotlinStyleBytecode {
    static final String SESSION_REGISTRY = GeneratedClasses.PACKAGE + "SessionRegistry";
    static final String EVICTOR = SESSION_REGISTRY + "$evictor$1";
    static final String TRANSLATION_MEMO = GeneratedClasses.PACKAGE + "TranslationMemo";

    private static final String INTRINSICS = "kotlin/jvm/internal/Intrinsics";
    private static final String HASH_MAP = "java/util/HashMap";
    private static final String MAP = "java/util/Map";
    private static final String LOCK = "java/util/concurrent/locks/Lock";
    private static final String REENTRANT_LOCK = "java/util/concurrent/locks/ReentrantLock";

    private KotlinStyleBytecode() {
    }

    /** The generated class files, by internal name. */
    static Map<String, byte[]> classFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(SESSION_REGISTRY, sessionRegistry());
        files.put(EVICTOR, evictor());
        files.put(TRANSLATION_MEMO, translationMemo());
        return files;
    }

    static List<Subject> subjects() {
        Map<String, byte[]> files = classFiles();
        ClassBytesSource related = GeneratedClasses.related(files);
        return List.of(
                new Subject("Kotlin-style SessionRegistry", files.get(SESSION_REGISTRY), related,
                        List.of(Expectation.of("sessions", Verdict.PATCH))),
                new Subject("Kotlin-style TranslationMemo", files.get(TRANSLATION_MEMO), related,
                        List.of(Expectation.of("memo", Verdict.SAFE))));
    }

    /**
     * <pre>
     * class SessionRegistry {
     *     private val sessions = HashMap&lt;String, Any&gt;()
     *     private val lock = Any()
     *     val evictor: Runnable = object : Runnable {
     *         override fun run() = sessions.clear()      // access$getSessions$p(this$0).clear(), no lock
     *     }
     *     fun register(id: String, session: Any) { synchronized(lock) { sessions[id] = session } }
     *     fun find(id: String): Any? = synchronized(lock) { sessions[id] }
     * }
     * </pre>
     * Patch: the evictor clears the map without the lock, through an accessor that hands the map out.
     */
    private static byte[] sessionRegistry() {
        ClassWriter cw = GeneratedClasses.writer();
        cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, SESSION_REGISTRY, null, "java/lang/Object", null);
        cw.visitSource("SessionRegistry.kt", null);
        kotlinMetadata(cw);
        cw.visitInnerClass(EVICTOR, null, null, ACC_PUBLIC | ACC_FINAL);
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "sessions", "Ljava/util/HashMap;",
                "Ljava/util/HashMap<Ljava/lang/String;Ljava/lang/Object;>;", null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "lock", "Ljava/lang/Object;", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "evictor", "Ljava/lang/Runnable;", null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, HASH_MAP);
        init.visitFieldInsn(PUTFIELD, SESSION_REGISTRY, "sessions", "Ljava/util/HashMap;");
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, "java/lang/Object");
        init.visitFieldInsn(PUTFIELD, SESSION_REGISTRY, "lock", "Ljava/lang/Object;");
        init.visitVarInsn(ALOAD, 0);
        init.visitTypeInsn(NEW, EVICTOR);
        init.visitInsn(DUP);
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, EVICTOR, "<init>", "(L" + SESSION_REGISTRY + ";)V", false);
        init.visitTypeInsn(CHECKCAST, "java/lang/Runnable");
        init.visitFieldInsn(PUTFIELD, SESSION_REGISTRY, "evictor", "Ljava/lang/Runnable;");
        init.visitInsn(RETURN);
        end(init);

        // fun register(id: String, session: Any) = synchronized(lock) { sessions[id] = session }
        MethodVisitor register = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "register",
                "(Ljava/lang/String;Ljava/lang/Object;)V", null, null);
        register.visitCode();
        checkNotNullParameter(register, 1, "id");
        checkNotNullParameter(register, 2, "session");
        Label body = new Label();
        Label bodyEnd = new Label();
        Label handler = new Label();
        Label done = new Label();
        register.visitTryCatchBlock(body, bodyEnd, handler, null);
        register.visitVarInsn(ALOAD, 0);
        register.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "lock", "Ljava/lang/Object;");
        register.visitVarInsn(ASTORE, 3);
        register.visitVarInsn(ALOAD, 3);
        register.visitInsn(MONITORENTER);
        register.visitLabel(body);
        register.visitVarInsn(ALOAD, 0);
        register.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "sessions", "Ljava/util/HashMap;");
        register.visitTypeInsn(CHECKCAST, MAP);
        register.visitVarInsn(ALOAD, 1);
        register.visitVarInsn(ALOAD, 2);
        register.visitMethodInsn(INVOKEINTERFACE, MAP, "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
        register.visitInsn(POP);
        register.visitLabel(bodyEnd);
        register.visitVarInsn(ALOAD, 3);
        register.visitInsn(MONITOREXIT);
        register.visitJumpInsn(GOTO, done);
        register.visitLabel(handler);
        register.visitVarInsn(ASTORE, 4);
        register.visitVarInsn(ALOAD, 3);
        register.visitInsn(MONITOREXIT);
        register.visitVarInsn(ALOAD, 4);
        register.visitInsn(ATHROW);
        register.visitLabel(done);
        register.visitInsn(RETURN);
        end(register);

        // fun find(id: String): Any? = synchronized(lock) { sessions[id] }
        MethodVisitor find = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "find", "(Ljava/lang/String;)Ljava/lang/Object;",
                null, null);
        find.visitCode();
        checkNotNullParameter(find, 1, "id");
        Label lookup = new Label();
        Label lookupEnd = new Label();
        Label lookupHandler = new Label();
        find.visitTryCatchBlock(lookup, lookupEnd, lookupHandler, null);
        find.visitVarInsn(ALOAD, 0);
        find.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "lock", "Ljava/lang/Object;");
        find.visitVarInsn(ASTORE, 2);
        find.visitVarInsn(ALOAD, 2);
        find.visitInsn(MONITORENTER);
        find.visitLabel(lookup);
        find.visitVarInsn(ALOAD, 0);
        find.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "sessions", "Ljava/util/HashMap;");
        find.visitVarInsn(ALOAD, 1);
        find.visitMethodInsn(INVOKEVIRTUAL, HASH_MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        find.visitVarInsn(ASTORE, 3);
        find.visitLabel(lookupEnd);
        find.visitVarInsn(ALOAD, 2);
        find.visitInsn(MONITOREXIT);
        find.visitVarInsn(ALOAD, 3);
        find.visitInsn(ARETURN);
        find.visitLabel(lookupHandler);
        find.visitVarInsn(ASTORE, 4);
        find.visitVarInsn(ALOAD, 2);
        find.visitInsn(MONITOREXIT);
        find.visitVarInsn(ALOAD, 4);
        find.visitInsn(ATHROW);
        end(find);

        MethodVisitor getEvictor = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "getEvictor", "()Ljava/lang/Runnable;",
                null, null);
        getEvictor.visitCode();
        getEvictor.visitVarInsn(ALOAD, 0);
        getEvictor.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "evictor", "Ljava/lang/Runnable;");
        getEvictor.visitInsn(ARETURN);
        end(getEvictor);

        MethodVisitor accessor = cw.visitMethod(ACC_PUBLIC | ACC_STATIC | ACC_FINAL | ACC_SYNTHETIC,
                "access$getSessions$p", "(L" + SESSION_REGISTRY + ";)Ljava/util/HashMap;", null, null);
        accessor.visitCode();
        accessor.visitVarInsn(ALOAD, 0);
        accessor.visitFieldInsn(GETFIELD, SESSION_REGISTRY, "sessions", "Ljava/util/HashMap;");
        accessor.visitInsn(ARETURN);
        end(accessor);

        cw.visitEnd();
        return cw.toByteArray();
    }

    /** The anonymous {@code object : Runnable}: Kotlin names it after the property it initializes. */
    private static byte[] evictor() {
        ClassWriter cw = GeneratedClasses.writer();
        cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, EVICTOR, null, "java/lang/Object",
                new String[] {"java/lang/Runnable"});
        cw.visitSource("SessionRegistry.kt", null);
        kotlinMetadata(cw);
        cw.visitOuterClass(SESSION_REGISTRY, null, null);
        cw.visitInnerClass(EVICTOR, null, null, ACC_PUBLIC | ACC_FINAL);
        cw.visitField(ACC_FINAL | ACC_SYNTHETIC, "this$0", "L" + SESSION_REGISTRY + ";", null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(0, "<init>", "(L" + SESSION_REGISTRY + ";)V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitVarInsn(ALOAD, 1);
        init.visitFieldInsn(PUTFIELD, EVICTOR, "this$0", "L" + SESSION_REGISTRY + ";");
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(RETURN);
        end(init);

        MethodVisitor run = cw.visitMethod(ACC_PUBLIC, "run", "()V", null, null);
        run.visitCode();
        run.visitVarInsn(ALOAD, 0);
        run.visitFieldInsn(GETFIELD, EVICTOR, "this$0", "L" + SESSION_REGISTRY + ";");
        run.visitMethodInsn(INVOKESTATIC, SESSION_REGISTRY, "access$getSessions$p",
                "(L" + SESSION_REGISTRY + ";)Ljava/util/HashMap;", false);
        run.visitMethodInsn(INVOKEVIRTUAL, HASH_MAP, "clear", "()V", false);
        run.visitInsn(RETURN);
        end(run);

        cw.visitEnd();
        return cw.toByteArray();
    }

    /**
     * <pre>
     * class TranslationMemo {
     *     private val memo = HashMap&lt;String, String&gt;()
     *     private val lock = ReentrantLock()
     *     fun translate(key: String): String = lock.withLock { memo.getOrPut(key) { compute(key) } }
     *     fun size(): Int = lock.withLock { memo.size }
     *     private fun compute(key: String) = key.uppercase()
     * }
     * </pre>
     * Safe: both inlined bodies run between lock() and unlock() of the one ReentrantLock, on every path.
     */
    private static byte[] translationMemo() {
        ClassWriter cw = GeneratedClasses.writer();
        cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, TRANSLATION_MEMO, null, "java/lang/Object", null);
        cw.visitSource("TranslationMemo.kt", null);
        kotlinMetadata(cw);
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "memo", "Ljava/util/HashMap;",
                "Ljava/util/HashMap<Ljava/lang/String;Ljava/lang/String;>;", null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "lock", "L" + REENTRANT_LOCK + ";", null, null).visitEnd();

        MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, HASH_MAP);
        init.visitFieldInsn(PUTFIELD, TRANSLATION_MEMO, "memo", "Ljava/util/HashMap;");
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, REENTRANT_LOCK);
        init.visitFieldInsn(PUTFIELD, TRANSLATION_MEMO, "lock", "L" + REENTRANT_LOCK + ";");
        init.visitInsn(RETURN);
        end(init);

        // locals: 1 key, 2 lock, 3 memo as Map, 4 existing, 5 computed, 6 result, 7 thrown
        MethodVisitor translate = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "translate",
                "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        translate.visitCode();
        checkNotNullParameter(translate, 1, "key");
        Label body = new Label();
        Label bodyEnd = new Label();
        Label handler = new Label();
        Label present = new Label();
        Label join = new Label();
        translate.visitTryCatchBlock(body, bodyEnd, handler, null);
        translate.visitVarInsn(ALOAD, 0);
        translate.visitFieldInsn(GETFIELD, TRANSLATION_MEMO, "lock", "L" + REENTRANT_LOCK + ";");
        translate.visitTypeInsn(CHECKCAST, LOCK);
        translate.visitVarInsn(ASTORE, 2);
        translate.visitVarInsn(ALOAD, 2);
        translate.visitMethodInsn(INVOKEINTERFACE, LOCK, "lock", "()V", true);
        translate.visitLabel(body);
        translate.visitVarInsn(ALOAD, 0);
        translate.visitFieldInsn(GETFIELD, TRANSLATION_MEMO, "memo", "Ljava/util/HashMap;");
        translate.visitTypeInsn(CHECKCAST, MAP);
        translate.visitVarInsn(ASTORE, 3);
        translate.visitVarInsn(ALOAD, 3);
        translate.visitVarInsn(ALOAD, 1);
        translate.visitMethodInsn(INVOKEINTERFACE, MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
        translate.visitVarInsn(ASTORE, 4);
        translate.visitVarInsn(ALOAD, 4);
        translate.visitJumpInsn(IFNONNULL, present);
        translate.visitVarInsn(ALOAD, 0);
        translate.visitVarInsn(ALOAD, 1);
        translate.visitMethodInsn(INVOKESPECIAL, TRANSLATION_MEMO, "compute", "(Ljava/lang/String;)Ljava/lang/String;",
                false);
        translate.visitVarInsn(ASTORE, 5);
        translate.visitVarInsn(ALOAD, 3);
        translate.visitVarInsn(ALOAD, 1);
        translate.visitVarInsn(ALOAD, 5);
        translate.visitMethodInsn(INVOKEINTERFACE, MAP, "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
        translate.visitInsn(POP);
        translate.visitVarInsn(ALOAD, 5);
        translate.visitJumpInsn(GOTO, join);
        translate.visitLabel(present);
        translate.visitVarInsn(ALOAD, 4);
        translate.visitLabel(join);
        translate.visitTypeInsn(CHECKCAST, "java/lang/String");
        translate.visitVarInsn(ASTORE, 6);
        translate.visitLabel(bodyEnd);
        translate.visitVarInsn(ALOAD, 2);
        translate.visitMethodInsn(INVOKEINTERFACE, LOCK, "unlock", "()V", true);
        translate.visitVarInsn(ALOAD, 6);
        translate.visitInsn(ARETURN);
        translate.visitLabel(handler);
        translate.visitVarInsn(ASTORE, 7);
        translate.visitVarInsn(ALOAD, 2);
        translate.visitMethodInsn(INVOKEINTERFACE, LOCK, "unlock", "()V", true);
        translate.visitVarInsn(ALOAD, 7);
        translate.visitInsn(ATHROW);
        end(translate);

        MethodVisitor size = cw.visitMethod(ACC_PUBLIC | ACC_FINAL, "size", "()I", null, null);
        size.visitCode();
        Label sizeBody = new Label();
        Label sizeBodyEnd = new Label();
        Label sizeHandler = new Label();
        size.visitTryCatchBlock(sizeBody, sizeBodyEnd, sizeHandler, null);
        size.visitVarInsn(ALOAD, 0);
        size.visitFieldInsn(GETFIELD, TRANSLATION_MEMO, "lock", "L" + REENTRANT_LOCK + ";");
        size.visitTypeInsn(CHECKCAST, LOCK);
        size.visitVarInsn(ASTORE, 1);
        size.visitVarInsn(ALOAD, 1);
        size.visitMethodInsn(INVOKEINTERFACE, LOCK, "lock", "()V", true);
        size.visitLabel(sizeBody);
        size.visitVarInsn(ALOAD, 0);
        size.visitFieldInsn(GETFIELD, TRANSLATION_MEMO, "memo", "Ljava/util/HashMap;");
        size.visitMethodInsn(INVOKEVIRTUAL, HASH_MAP, "size", "()I", false);
        size.visitVarInsn(ISTORE, 2);
        size.visitLabel(sizeBodyEnd);
        size.visitVarInsn(ALOAD, 1);
        size.visitMethodInsn(INVOKEINTERFACE, LOCK, "unlock", "()V", true);
        size.visitVarInsn(ILOAD, 2);
        size.visitInsn(IRETURN);
        size.visitLabel(sizeHandler);
        size.visitVarInsn(ASTORE, 3);
        size.visitVarInsn(ALOAD, 1);
        size.visitMethodInsn(INVOKEINTERFACE, LOCK, "unlock", "()V", true);
        size.visitVarInsn(ALOAD, 3);
        size.visitInsn(ATHROW);
        end(size);

        MethodVisitor compute = cw.visitMethod(ACC_PRIVATE | ACC_FINAL, "compute",
                "(Ljava/lang/String;)Ljava/lang/String;", null, null);
        compute.visitCode();
        compute.visitVarInsn(ALOAD, 1);
        compute.visitFieldInsn(GETSTATIC, "java/util/Locale", "ROOT", "Ljava/util/Locale;");
        compute.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "toUpperCase",
                "(Ljava/util/Locale;)Ljava/lang/String;", false);
        compute.visitInsn(ARETURN);
        end(compute);

        cw.visitEnd();
        return cw.toByteArray();
    }

    private static void kotlinMetadata(ClassWriter cw) {
        AnnotationVisitor metadata = cw.visitAnnotation("Lkotlin/Metadata;", true);
        metadata.visit("k", 1);
        AnnotationVisitor version = metadata.visitArray("mv");
        version.visit(null, 1);
        version.visit(null, 9);
        version.visit(null, 0);
        version.visitEnd();
        metadata.visitEnd();
    }

    private static void checkNotNullParameter(MethodVisitor mv, int local, String name) {
        mv.visitVarInsn(ALOAD, local);
        mv.visitLdcInsn(name);
        mv.visitMethodInsn(INVOKESTATIC, INTRINSICS, "checkNotNullParameter", "(Ljava/lang/Object;Ljava/lang/String;)V",
                false);
    }

    private static void newInstance(MethodVisitor mv, String type) {
        mv.visitTypeInsn(NEW, type);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, type, "<init>", "()V", false);
    }

    private static void end(MethodVisitor mv) {
        mv.visitMaxs(0, 0);
        mv.visitEnd();
    }
}
