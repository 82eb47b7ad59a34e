package io.cacheguard.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Issue 17: every line the agent prints is one line that starts with {@code [cacheguard]}, so no
 * value can forge one. Regression: an option value with a newline printed a second "error" line
 * that read as {@code [cacheguard] patched com.evil.X}, and a field name with a newline (legal in a
 * class file) split the {@code patched} line in two.
 */
class OneLineOutputIT {
    private static final String HELLO = "hello from the host" + System.lineSeparator();

    @TempDir
    Path temp;

    @Test
    void aNewlineInASystemPropertyValueStaysInsideTheOneErrorLine() throws Exception {
        ChildJvm.Result result = ChildJvm.run(
                "-Dcacheguard.mode=fast\n[cacheguard] patched com.evil.X",
                "-javaagent:" + ChildJvm.agentJar(),
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp", "5");
        assertEquals(5, result.exitCode, result::toString);
        assertEquals(HELLO, result.stdout, result::toString);
        assertEquals(List.of("[cacheguard] error: mode='fast\\n[cacheguard] patched com.evil.X' is not a mode; "
                + "accepted: patch, detect, both, off; the agent is disabled and the application runs without it"),
                lines(result.stderr), result::toString);
    }

    @Test
    void anEscapedNewlineInTheConfigFileStaysInsideTheOneErrorLine() throws Exception {
        Path config = temp.resolve("cacheguard.properties");
        // \n and \u001b are the properties format's escapes: the value read holds a newline and an ESC
        Files.writeString(config, "mode=fast\\n[cacheguard] forged\\u001b[2K\n", StandardCharsets.UTF_8);
        ChildJvm.Result result = ChildJvm.run(
                "-javaagent:" + ChildJvm.agentJar() + "=config=" + config,
                "-cp", ChildJvm.testClasspath(),
                "io.cacheguard.it.fixtures.HelloApp", "5");
        assertEquals(5, result.exitCode, result::toString);
        assertEquals(HELLO, result.stdout, result::toString);
        List<String> lines = lines(result.stderr);
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("[cacheguard] error: mode='fast\\n[cacheguard] forged\\u001b[2K' is not a mode"),
                result::toString);
        assertFalse(result.stderr.contains("\u001b"), result::toString);
    }

    @Test
    void aFieldNameWithControlCharactersGivesOnePatchedLine() throws Exception {
        Path classes = temp.resolve("classes");
        Path file = classes.resolve(HOSTILE + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, hostileClass());
        String[] app = {"-cp", classes.toString(), HOSTILE.replace('/', '.')};

        ChildJvm.Result without = ChildJvm.run(app);
        ChildJvm.Result with = ChildJvm.run(concat("-javaagent:" + ChildJvm.agentJar(), app));

        assertEquals(0, without.exitCode, without::toString);
        assertEquals(HELLO, without.stdout, without::toString);
        assertEquals(without.exitCode, with.exitCode, with::toString);
        assertEquals(without.stdout, with.stdout, with::toString);
        List<String> lines = lines(with.stderr);
        for (String line : lines) {
            assertTrue(line.startsWith("[cacheguard] "), () -> "an unprefixed line: " + with);
            assertFalse(line.startsWith("[cacheguard] forged"), with::toString);
        }
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("[cacheguard] patched " + HOSTILE.replace('/', '.')
                + ".cache\\nforged line\\u001bM\\u0007\\t\\r (java.util.Map)")), with::toString);
        assertFalse(with.stderr.contains("\u001b"), with::toString);
    }

    private static final String HOSTILE = "io/cacheguard/it/hostile/HostileNameCache";
    /** Legal in a class file: an unqualified name may hold anything but . ; [ / (JVMS 4.2.2). */
    private static final String FIELD = "cache\nforged line\u001bM\u0007\t\r";

    /**
     * {@code static Map cache = new HashMap(); main: cache.put("k", "v"); print the hello line}, with
     * the field named {@link #FIELD}; javac cannot write such a name, so ASM does.
     */
    private static byte[] hostileClass() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES | ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V11, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, HOSTILE, null, "java/lang/Object", null);
        writer.visitSource("Hostile\n[cacheguard] forged.java", null);
        writer.visitField(Opcodes.ACC_STATIC, FIELD, "Ljava/util/Map;", null, null).visitEnd();

        MethodVisitor clinit = writer.visitMethod(Opcodes.ACC_STATIC, "<clinit>", "()V", null, null);
        clinit.visitCode();
        clinit.visitTypeInsn(Opcodes.NEW, "java/util/HashMap");
        clinit.visitInsn(Opcodes.DUP);
        clinit.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/HashMap", "<init>", "()V", false);
        clinit.visitFieldInsn(Opcodes.PUTSTATIC, HOSTILE, FIELD, "Ljava/util/Map;");
        clinit.visitInsn(Opcodes.RETURN);
        clinit.visitMaxs(0, 0);
        clinit.visitEnd();

        MethodVisitor main = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "main",
                "([Ljava/lang/String;)V", null, null);
        main.visitCode();
        main.visitFieldInsn(Opcodes.GETSTATIC, HOSTILE, FIELD, "Ljava/util/Map;");
        main.visitLdcInsn("k");
        main.visitLdcInsn("v");
        main.visitMethodInsn(Opcodes.INVOKEINTERFACE, "java/util/Map", "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", true);
        main.visitInsn(Opcodes.POP);
        main.visitFieldInsn(Opcodes.GETSTATIC, "java/lang/System", "out", "Ljava/io/PrintStream;");
        main.visitLdcInsn("hello from the host");
        main.visitMethodInsn(Opcodes.INVOKEVIRTUAL, "java/io/PrintStream", "println", "(Ljava/lang/String;)V", false);
        main.visitInsn(Opcodes.RETURN);
        main.visitMaxs(0, 0);
        main.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** Physical lines as a terminal shows them: split at every line terminator Java knows. */
    private static List<String> lines(String text) {
        return Arrays.stream(text.split("\\R")).filter(line -> !line.isEmpty()).collect(Collectors.toList());
    }

    private static String[] concat(String first, String[] rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }
}
