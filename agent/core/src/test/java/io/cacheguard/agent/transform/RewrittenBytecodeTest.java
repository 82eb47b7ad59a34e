package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.OptionsParser;
import io.cacheguard.agent.runtime.GuardedMap;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * Every rewrite (field accesses, lazy initialisations, fresh-map locals, synchronization hooks) over
 * tiny targets assembled at class-file versions 45, 48, 49, 52, 61 and the running JDK's newest, in
 * every mode: the rewritten class must pass ASM's checks for its version and the JVM's own verifier
 * (it is loaded and run), and behave as the original. JaCoCo's validation targets are the model.
 *
 * <p>Regression: a lazily initialised static map in a class file older than 49 was given a class
 * constant, which the verifier rejects; the host died with {@code VerifyError} (maven-core 2.0.9's
 * {@code ExpressionDocumenter}, class file 48).
 */
class RewrittenBytecodeTest {
    private static final String GUARDS = "io/cacheguard/agent/runtime/Guards";
    private static final String DETECTION = "io/cacheguard/agent/runtime/Detection";

    @TestFactory
    Stream<DynamicTest> everyRewriteIsValidAndRunsAtEveryClassFileVersion() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String mode : List.of("patch", "detect", "both")) {
            for (int version : RewriteTargets.versions()) {
                for (RewriteTargets.Shape shape : RewriteTargets.ALL) {
                    tests.add(DynamicTest.dynamicTest(shape.simpleName() + " at " + version + ", mode=" + mode,
                            () -> checkRewrite(shape, version, mode)));
                }
            }
        }
        return tests.stream();
    }

    /** The call each shape must receive, so a rewrite that silently does nothing fails too. */
    @TestFactory
    Stream<DynamicTest> eachShapeGetsTheCallsItsRewriteStandsFor() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int version : RewriteTargets.versions()) {
            tests.add(DynamicTest.dynamicTest("static lazy at " + version, () -> assertTrue(
                    calls(rewrite(RewriteTargets.STATIC_LAZY, version, "patch")).containsAll(
                            Set.of("Guards.guard", "Guards.initStaticIfNull")))));
            tests.add(DynamicTest.dynamicTest("instance lazy at " + version, () -> assertTrue(
                    calls(rewrite(RewriteTargets.INSTANCE_LAZY, version, "patch")).containsAll(
                            Set.of("Guards.guard", "Guards.initIfNull", "Guards.onRead")))));
            tests.add(DynamicTest.dynamicTest("fresh local at " + version, () -> assertTrue(
                    calls(rewrite(RewriteTargets.FRESH_LOCAL, version, "patch")).contains("Guards.guard"))));
            tests.add(DynamicTest.dynamicTest("synchronization at " + version, () -> {
                Set<String> calls = calls(rewrite(RewriteTargets.SYNCHRONIZED, version, "detect"));
                assertTrue(calls.containsAll(Set.of("Detection.acquire", "Detection.release")), calls::toString);
            }));
        }
        return tests.stream();
    }

    private void checkRewrite(RewriteTargets.Shape shape, int version, String mode) throws Exception {
        byte[] original = RewriteTargets.assemble(shape, version);
        check(original, "the original " + shape.simpleName()); // the target itself is valid
        byte[] rewritten = rewrite(shape, version, mode);
        byte[] loaded = rewritten == null ? original : rewritten;
        check(loaded, shape.simpleName() + " rewritten at " + version + " in mode " + mode);
        assertEquals(version, ((loaded[6] & 0xFF) << 8) | (loaded[7] & 0xFF), "the rewrite keeps the class-file version");
        Class<?> type = new SingleClassLoader(shape.className(), loaded).loadClass(shape.className());
        exercise(shape, type, mode.equals("detect"));
    }

    /** Runs the shape and checks what the original does; in a patching mode, the field holds a guard. */
    private static void exercise(RewriteTargets.Shape shape, Class<?> type, boolean watchOnly) throws Exception {
        Object instance = type.getConstructor().newInstance();
        if (shape == RewriteTargets.SYNCHRONIZED) {
            type.getMethod("put", Object.class, Object.class).invoke(instance, "k", "v");
            assertEquals("v", type.getMethod("lookup", Object.class).invoke(instance, "k"));
            type.getMethod("publish", Object.class).invoke(null, "latest");
            assertEquals("latest", type.getMethod("latest").invoke(null));
            assertEquals(1, type.getMethod("count").invoke(instance));
            return;
        }
        if (shape == RewriteTargets.FRESH_LOCAL) {
            type.getMethod("reset", Object.class, Object.class).invoke(null, "k", "v");
            assertEquals("v", type.getMethod("lookup", Object.class).invoke(null, "k"),
                    "the put made through the local after the store is in the field's map");
        } else {
            Method lookup = type.getMethod("lookup", Object.class);
            Object target = java.lang.reflect.Modifier.isStatic(lookup.getModifiers()) ? null : instance;
            assertEquals("42", lookup.invoke(target, 42));
            assertEquals("42", lookup.invoke(target, 42));
        }
        Field cache = type.getDeclaredField("cache");
        cache.setAccessible(true);
        Object map = cache.get(java.lang.reflect.Modifier.isStatic(cache.getModifiers()) ? null : instance);
        assertNotNull(map);
        assertEquals(1, ((Map<?, ?>) map).size(), map::toString);
        if (!watchOnly) {
            assertInstanceOf(GuardedMap.class, map, "the field holds the thread-safe twin");
        }
    }

    /** ASM's structural and version checks (a class constant before 49 is one), then a data-flow verification. */
    static void check(byte[] classFile, String what) {
        try {
            new ClassReader(classFile).accept(new CheckClassAdapter(new ClassWriter(0), true), 0);
        } catch (RuntimeException e) {
            fail(what + " fails ASM's checks: " + e.getMessage(), e);
        }
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), RewrittenBytecodeTest.class.getClassLoader(), false,
                new PrintWriter(problems));
        assertEquals("", problems.toString(), what + " fails verification");
    }

    private static byte[] rewrite(RewriteTargets.Shape shape, int version, String mode) throws Exception {
        AgentOptions options = OptionsParser.parse("mode=" + mode, new Properties());
        List<String> failures = new ArrayList<>();
        CacheTransformer transformer = new CacheTransformer(options, options.selector(), new CacheTransformer.Events() {
            @Override
            public void transformed(String className) {
            }

            @Override
            public void transformFailed(String className, Throwable error) {
                failures.add(className + ": " + error);
            }

            @Override
            public void decided(ClassLoader loader, String className, List<FieldReport> reports) {
            }
        });
        byte[] result = transformer.transform(RewrittenBytecodeTest.class.getClassLoader(), shape.internalName(),
                null, null, RewriteTargets.assemble(shape, version));
        assertEquals(List.of(), failures);
        return result;
    }

    /** The agent's calls in a class file, as {@code Guards.guard}, {@code Detection.acquire}. */
    private static Set<String> calls(byte[] classFile) {
        assertNotNull(classFile, "the rewrite changed nothing");
        Set<String> calls = new TreeSet<>();
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                        if (owner.equals(GUARDS) || owner.equals(DETECTION)) {
                            calls.add(owner.substring(owner.lastIndexOf('/') + 1) + "." + method);
                        }
                    }
                };
            }
        }, 0);
        return calls;
    }

    /** Defines one class from bytes, so the JVM's verifier checks it; everything else comes from the test's loader. */
    private static final class SingleClassLoader extends ClassLoader {
        private final String name;
        private final byte[] classFile;

        SingleClassLoader(String name, byte[] classFile) {
            super(RewrittenBytecodeTest.class.getClassLoader());
            this.name = name;
            this.classFile = classFile;
        }

        @Override
        protected Class<?> findClass(String className) throws ClassNotFoundException {
            if (!className.equals(name)) {
                throw new ClassNotFoundException(className);
            }
            return defineClass(name, classFile, 0, classFile.length);
        }
    }
}
