package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Verdict;
import io.cacheguard.agent.config.AgentOptions;
import io.cacheguard.agent.config.OptionsParser;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * When the application's own map class is guarded in itself, over an LRU class and a cache holding
 * one in a racy field, as class files on a class loader's path: asked for by the racy field and
 * rewritten as it loads; refused, with the way out, when it was loaded first; guarded from the start
 * when {@code targets} names it; and never given new methods by a redefinition, which the JVM would
 * refuse.
 */
class SubclassGuardsTest {
    private static final String OWNER = "com/acme/legacy/LruHolderCache";
    private static final String BOUNDED = MapSubclassGuardTest.LRU;
    private static final String OTHER_MAP = "com/acme/legacy/OtherMap";

    @TempDir
    static Path classes;
    private static ClassLoader loader;

    @BeforeAll
    static void writeClassFiles() throws Exception {
        write(BOUNDED, MapSubclassGuardTest.lru(61));
        write(OWNER, holder());
        write(OTHER_MAP, otherMap());
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
    }

    private final List<FieldReport> decided = new ArrayList<>();
    private final List<String> guarded = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    private final CacheTransformer.Events events = new CacheTransformer.Events() {
        @Override
        public void transformed(String className) {
        }

        @Override
        public void transformFailed(String className, Throwable error) {
            failures.add(className + ": " + error);
        }

        @Override
        public void mapClassGuarded(String className) {
            guarded.add(className);
        }

        @Override
        public void decided(ClassLoader loader, String className, List<FieldReport> reports) {
            decided.addAll(reports);
        }
    };

    private CacheTransformer transformer(String arguments, SubclassGuards guards) throws Exception {
        AgentOptions options = OptionsParser.parse(arguments, new Properties());
        return new CacheTransformer(options, options.selector(), events, guards);
    }

    private byte[] define(CacheTransformer transformer, String internalName) throws Exception {
        return transformer.transform(loader, internalName, null, null, bytes(internalName));
    }

    @Test
    void theRacyFieldAsksForItsMapClassWhichIsGuardedAsItLoads() throws Exception {
        CacheTransformer transformer = transformer("mode=patch", new SubclassGuards(name -> false));
        define(transformer, OWNER);
        FieldReport recent = field("cache");
        assertEquals(Verdict.PATCH, recent.verdict(), recent::toString);
        assertEquals(BOUNDED.replace('/', '.'), recent.ownMapClass());
        assertNotNull(define(transformer, BOUNDED));
        assertEquals(List.of(BOUNDED.replace('/', '.')), guarded);
        assertEquals(List.of(), failures);
    }

    @Test
    void aMapClassLoadedBeforeItsFieldWasFoundIsReportedSkippedWithTheWayOut() throws Exception {
        CacheTransformer transformer = transformer("mode=patch", new SubclassGuards(name -> true));
        define(transformer, OWNER);
        FieldReport recent = field("cache");
        assertEquals(Verdict.SKIP, recent.verdict());
        assertTrue(recent.reasons().get(0).message().contains("targets=" + BOUNDED.replace('/', '.')), recent::toString);
        assertTrue(transformer.transform(loader, BOUNDED, BoundedMapStandIn.class, null, bytes(BOUNDED)) == null,
                "the class loaded before is never given methods, not even by a redefinition");
    }

    @Test
    void aMapClassNamedInTargetsIsGuardedFromTheStart() throws Exception {
        CacheTransformer transformer = transformer("mode=patch,targets=" + BOUNDED.replace('/', '.'),
                new SubclassGuards(name -> false));
        assertNotNull(define(transformer, BOUNDED), "guarded before any field asked for it");
        assertEquals(List.of(BOUNDED.replace('/', '.')), guarded);
    }

    @Test
    void aRedefinitionKeepsTheShapeTheClassWasDefinedWith() throws Exception {
        SubclassGuards guards = new SubclassGuards(name -> false);
        CacheTransformer transformer = transformer("mode=patch", guards);
        define(transformer, OWNER);
        byte[] defined = define(transformer, BOUNDED);
        byte[] redefined = transformer.transform(loader, BOUNDED, BoundedMapStandIn.class, null, bytes(BOUNDED));
        assertNotNull(redefined, "a guarded class is guarded again, or the JVM would see its methods deleted");
        assertEquals(defined.length, redefined.length);
        // after a switch to mode detect too: a class guarded once keeps its methods for good
        CacheTransformer detecting = transformer("mode=detect", guards);
        assertNotNull(detecting.transform(loader, BOUNDED, BoundedMapStandIn.class, null, bytes(BOUNDED)));
        assertTrue(transformer.transform(loader, OTHER_MAP, BoundedMapStandIn.class, null, bytes(OTHER_MAP)) == null,
                "a class never guarded gains no methods when redefined");
    }

    /** Any class: the transformer only asks whether one is being redefined. */
    private static final class BoundedMapStandIn {
    }

    private FieldReport field(String name) {
        return decided.stream().filter(r -> r.fieldName().equals(name)).findFirst().orElseThrow();
    }

    private static byte[] bytes(String internalName) throws IOException {
        return Files.readAllBytes(classes.resolve(internalName + ".class"));
    }

    private static void write(String internalName, byte[] classFile) throws IOException {
        Path file = classes.resolve(internalName + ".class");
        Files.createDirectories(file.getParent());
        Files.write(file, classFile);
    }

    /**
     * <pre>
     * public class LruHolderCache {
     *     private VersionedLru cache = new VersionedLru();
     *     public void remember(Object k, Object v) { cache.put(k, v); }   // no lock
     * }
     * </pre>
     */
    private static byte[] holder() {
        String lruDesc = "L" + BOUNDED + ";";
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, OWNER, null, "java/lang/Object", null);
        cw.visitField(Opcodes.ACC_PRIVATE, "cache", lruDesc, null, null).visitEnd();
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitTypeInsn(Opcodes.NEW, BOUNDED);
        init.visitInsn(Opcodes.DUP);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, BOUNDED, "<init>", "()V", false);
        init.visitFieldInsn(Opcodes.PUTFIELD, OWNER, "cache", lruDesc);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        MethodVisitor put = cw.visitMethod(Opcodes.ACC_PUBLIC, "remember", "(Ljava/lang/Object;Ljava/lang/Object;)V",
                null, null);
        put.visitCode();
        put.visitVarInsn(Opcodes.ALOAD, 0);
        put.visitFieldInsn(Opcodes.GETFIELD, OWNER, "cache", lruDesc);
        put.visitVarInsn(Opcodes.ALOAD, 1);
        put.visitVarInsn(Opcodes.ALOAD, 2);
        put.visitMethodInsn(Opcodes.INVOKEVIRTUAL, BOUNDED, "put",
                "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;", false);
        put.visitInsn(Opcodes.POP);
        put.visitInsn(Opcodes.RETURN);
        put.visitMaxs(0, 0);
        put.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }

    /** {@code public class OtherMap extends HashMap {}}: a map class nobody asked for. */
    private static byte[] otherMap() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, OTHER_MAP, null, "java/util/HashMap", null);
        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/util/HashMap", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();
        cw.visitEnd();
        return cw.toByteArray();
    }
}
