package io.cacheguard.agent.analysis;

import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_STATIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKESTATIC;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.PUTSTATIC;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V1_8;

import java.util.List;
import java.util.Map;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;

/**
 * A Scala {@code object} in the shape scalac emits, written with ASM so the build needs no Scala
 * compiler: a final class {@code Codecs$} whose one instance lives in the static {@code MODULE$},
 * created by {@code <clinit>}; each private val is an instance field set by the private constructor
 * and read through a private accessor method of the same name.
 *
 * <pre>
 * object Codecs {
 *   private val codecs = new java.util.HashMap[String, AnyRef]()
 *   private val aliases: java.util.Map[String, String] =
 *     java.util.Collections.synchronizedMap(new java.util.HashMap[String, String]())
 *   def register(name: String, codec: AnyRef): Unit = codecs.put(name, codec)
 *   def lookup(name: String): AnyRef = codecs.get(name)
 *   def alias(alias: String, name: String): Unit = aliases.put(alias, name)
 *   def resolve(alias: String): String = aliases.get(alias)
 * }
 * </pre>
 * {@code codecs} is put into from any thread without a lock: patch. {@code aliases} only ever holds
 * a synchronized map, already thread-safe whatever the accessor hands out: safe.
 */
final class ScalaStyleBytecode {
    static final String CODECS = GeneratedClasses.PACKAGE + "Codecs$";

    private static final String HASH_MAP = "java/util/HashMap";
    private static final String MAP = "java/util/Map";

    private ScalaStyleBytecode() {
    }

    /** The generated class files, by internal name. */
    static Map<String, byte[]> classFiles() {
        return Map.of(CODECS, codecs());
    }

    static List<Subject> subjects() {
        Map<String, byte[]> files = classFiles();
        return List.of(new Subject("Scala-style object Codecs", files.get(CODECS), GeneratedClasses.related(files),
                List.of(Expectation.of("codecs", Verdict.PATCH),
                        new Expectation("aliases", Verdict.SAFE, "thread-safe"))));
    }

    private static byte[] codecs() {
        ClassWriter cw = GeneratedClasses.writer();
        cw.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, CODECS, null, "java/lang/Object", null);
        cw.visitSource("Codecs.scala", null);
        cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, "MODULE$", "L" + CODECS + ";", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "codecs", "Ljava/util/HashMap;",
                "Ljava/util/HashMap<Ljava/lang/String;Ljava/lang/Object;>;", null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "aliases", "Ljava/util/Map;",
                "Ljava/util/Map<Ljava/lang/String;Ljava/lang/String;>;", null).visitEnd();

        MethodVisitor clinit = cw.visitMethod(ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        newInstance(clinit, CODECS);
        clinit.visitFieldInsn(PUTSTATIC, CODECS, "MODULE$", "L" + CODECS + ";");
        clinit.visitInsn(RETURN);
        end(clinit);

        MethodVisitor init = cw.visitMethod(ACC_PRIVATE, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, HASH_MAP);
        init.visitFieldInsn(PUTFIELD, CODECS, "codecs", "Ljava/util/HashMap;");
        init.visitVarInsn(ALOAD, 0);
        newInstance(init, HASH_MAP);
        init.visitMethodInsn(INVOKESTATIC, "java/util/Collections", "synchronizedMap",
                "(Ljava/util/Map;)Ljava/util/Map;", false);
        init.visitFieldInsn(PUTFIELD, CODECS, "aliases", "Ljava/util/Map;");
        init.visitInsn(RETURN);
        end(init);

        accessor(cw, "codecs", "Ljava/util/HashMap;");
        accessor(cw, "aliases", "Ljava/util/Map;");

        MethodVisitor register = cw.visitMethod(ACC_PUBLIC, "register", "(Ljava/lang/String;Ljava/lang/Object;)V",
                null, null);
        register.visitCode();
        register.visitVarInsn(ALOAD, 0);
        register.visitMethodInsn(INVOKESPECIAL, CODECS, "codecs", "()Ljava/util/HashMap;", false);
        register.visitVarInsn(ALOAD, 1);
        register.visitVarInsn(ALOAD, 2);
        register.visitMethodInsn(INVOKEVIRTUAL, HASH_MAP, "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
        register.visitInsn(POP);
        register.visitInsn(RETURN);
        end(register);

        MethodVisitor lookup = cw.visitMethod(ACC_PUBLIC, "lookup", "(Ljava/lang/String;)Ljava/lang/Object;",
                null, null);
        lookup.visitCode();
        lookup.visitVarInsn(ALOAD, 0);
        lookup.visitMethodInsn(INVOKESPECIAL, CODECS, "codecs", "()Ljava/util/HashMap;", false);
        lookup.visitVarInsn(ALOAD, 1);
        lookup.visitMethodInsn(INVOKEVIRTUAL, HASH_MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", false);
        lookup.visitInsn(ARETURN);
        end(lookup);

        MethodVisitor alias = cw.visitMethod(ACC_PUBLIC, "alias", "(Ljava/lang/String;Ljava/lang/String;)V",
                null, null);
        alias.visitCode();
        alias.visitVarInsn(ALOAD, 0);
        alias.visitMethodInsn(INVOKESPECIAL, CODECS, "aliases", "()Ljava/util/Map;", false);
        alias.visitVarInsn(ALOAD, 1);
        alias.visitVarInsn(ALOAD, 2);
        alias.visitMethodInsn(INVOKEINTERFACE, MAP, "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
        alias.visitInsn(POP);
        alias.visitInsn(RETURN);
        end(alias);

        MethodVisitor resolve = cw.visitMethod(ACC_PUBLIC, "resolve", "(Ljava/lang/String;)Ljava/lang/String;",
                null, null);
        resolve.visitCode();
        resolve.visitVarInsn(ALOAD, 0);
        resolve.visitMethodInsn(INVOKESPECIAL, CODECS, "aliases", "()Ljava/util/Map;", false);
        resolve.visitVarInsn(ALOAD, 1);
        resolve.visitMethodInsn(INVOKEINTERFACE, MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
        resolve.visitTypeInsn(CHECKCAST, "java/lang/String");
        resolve.visitInsn(ARETURN);
        end(resolve);

        cw.visitEnd();
        return cw.toByteArray();
    }

    /** scalac's accessor for a private val: a private method named after the field, returning it. */
    private static void accessor(ClassWriter cw, String field, String descriptor) {
        MethodVisitor mv = cw.visitMethod(ACC_PRIVATE, field, "()" + descriptor, null, null);
        mv.visitCode();
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, CODECS, field, descriptor);
        mv.visitInsn(ARETURN);
        end(mv);
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
