package io.cacheguard.agent.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.objectweb.asm.Opcodes.ACC_FINAL;
import static org.objectweb.asm.Opcodes.ACC_PRIVATE;
import static org.objectweb.asm.Opcodes.ACC_PUBLIC;
import static org.objectweb.asm.Opcodes.ACC_SUPER;
import static org.objectweb.asm.Opcodes.ALOAD;
import static org.objectweb.asm.Opcodes.ARETURN;
import static org.objectweb.asm.Opcodes.ASTORE;
import static org.objectweb.asm.Opcodes.CHECKCAST;
import static org.objectweb.asm.Opcodes.DUP;
import static org.objectweb.asm.Opcodes.GETFIELD;
import static org.objectweb.asm.Opcodes.INVOKEINTERFACE;
import static org.objectweb.asm.Opcodes.INVOKESPECIAL;
import static org.objectweb.asm.Opcodes.INVOKEVIRTUAL;
import static org.objectweb.asm.Opcodes.NEW;
import static org.objectweb.asm.Opcodes.NOP;
import static org.objectweb.asm.Opcodes.POP;
import static org.objectweb.asm.Opcodes.PUTFIELD;
import static org.objectweb.asm.Opcodes.RETURN;
import static org.objectweb.asm.Opcodes.V1_8;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

/**
 * Issue 18 item 9: reasons for Kotlin's inlined code cited lines past the end of the file
 * ({@code Registry.kt:24} in a 19-line file). The class below is what kotlinc 2.1.0 writes for
 *
 * <pre>{@code
 *  3 class Registry {
 *  4     private val cache = HashMap<String, String>()
 *  6     fun lookup(key: String): String =
 *  7         cache.getOrPut(key) { compute(key) }
 *  9     fun store(key: String, value: String) {
 * 10         remember(key, value)
 * 11     }
 * 13     private inline fun remember(key: String, value: String) {
 * 14         cache[key] = value
 * 15     }
 * }</pre>
 *
 * with its source map copied byte for byte: the standard library's {@code getOrPut} (Maps.kt:381-387)
 * became lines 20-26, {@code remember}'s body lines 27-28; the {@code KotlinDebug} stratum names the
 * lines that called them. One more method has a line the map does not cover. Each method touches a
 * map field of its own (all three caches by name), so each has its own verdict and reasons.
 */
class KotlinSourceLinesTest {
    private static final String CLASS = "com/acme/Registry";
    private static final String MAP = "java/util/Map";
    static final String SMAP = "SMAP\nRegistry.kt\nKotlin\n*S Kotlin\n*F\n+ 1 Registry.kt\ncom/acme/Registry\n"
            + "+ 2 Maps.kt\nkotlin/collections/MapsKt__MapsKt\n*L\n1#1,19:1\n14#1,2:27\n381#2,7:20\n"
            + "*S KotlinDebug\n*F\n+ 1 Registry.kt\ncom/acme/Registry\n*L\n10#1:27,2\n7#1:20,7\n*E\n";

    @Test
    void codeInlinedFromAnotherFileIsReportedAtItsCallSite() {
        Reason put = reason("cache", "lookup(String)", "put at");
        assertTrue(put.message().contains("put at Registry.kt:7 (inlined from Maps.kt:384) in lookup(String)"),
                put.message());
        assertEquals(7, put.line());
    }

    @Test
    void codeInlinedFromTheSameFileIsReportedAtItsOwnLine() {
        Reason put = reason("stored", "store(String, String)", "put at");
        assertTrue(put.message().contains("put at Registry.kt:14 in store(String, String)"), put.message());
        assertEquals(14, put.line());
    }

    @Test
    void aLineTheSourceMapDoesNotCoverIsLeftOut() {
        Reason remove = reason("evicted", "evict(String)", "remove");
        assertTrue(remove.message().contains("remove in evict(String)"), remove.message());
        assertEquals(-1, remove.line());
    }

    @Test
    void withoutTheDebugStratumAnotherFilesLineIsNamedWithItsFileAndNotReportedAsOurs() {
        SourceLines lines = SourceLines.of(CLASS, "Registry.kt", SMAP.substring(0, SMAP.indexOf("*S KotlinDebug")) + "*E\n");
        SourceLines.Site site = lines.locate(23);
        assertEquals("Maps.kt", site.file);
        assertEquals(384, site.line);
        assertEquals(-1, site.ownLine());
        assertNull(site.inlinedFrom);
    }

    @Test
    void aClassWithoutASourceMapKeepsItsLines() {
        SourceLines.Site site = SourceLines.of(CLASS, "Registry.java", null).locate(24);
        assertEquals("Registry.java", site.file);
        assertEquals(24, site.ownLine());
    }

    @Test
    void aMalformedSourceMapIsNoSourceMap() {
        assertNull(Smap.parse("SMAP\nRegistry.kt\nKotlin\n*S Kotlin\n*F\n+ 1 Registry.kt\n*L\nx#1:1\n*E\n"));
        assertNull(Smap.parse("not a map"));
        assertEquals(24, SourceLines.of(CLASS, "Registry.kt", "garbage").locate(24).ownLine());
    }

    @Test
    void lineSectionDefaultsFollowJsr45() {
        // no file id: the previous entry's; no repeat count: 1; an increment: several output lines per input line
        Smap smap = Smap.parse("SMAP\nA.java\nJSP\n*S JSP\n*F\n1 a.jsp\n2 b.jsp\n*L\n3#2,2:10,3\n7:30\n*E\n");
        assertEquals("b.jsp:3", String.valueOf(smap.map(10)));
        assertEquals("b.jsp:3", String.valueOf(smap.map(12)));
        assertEquals("b.jsp:4", String.valueOf(smap.map(13)));
        assertNull(smap.map(16));
        assertEquals("b.jsp:7", String.valueOf(smap.map(30)));
        assertNull(smap.map(31));
    }

    /** The reason about {@code operation} in {@code method} behind the verdict on {@code field}. */
    private static Reason reason(String field, String method, String operation) {
        List<FieldReport> reports = new ClassAnalyzer(name -> null).analyze(registry());
        FieldReport report = reports.stream().filter(r -> r.fieldName().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError("no report on " + field + ": " + reports));
        List<String> all = new ArrayList<>();
        for (Reason reason : report.reasons()) {
            all.add(reason.method() + " line " + reason.line() + ": " + reason.message());
            if (method.equals(reason.method()) && reason.message().contains(operation)) {
                return reason;
            }
        }
        throw new AssertionError("no reason about " + operation + " in " + method + ": " + all);
    }

    /** kotlinc's shape: the field read once into a local cast to Map, then the inlined body. */
    static byte[] registry() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(V1_8, ACC_PUBLIC | ACC_FINAL | ACC_SUPER, CLASS, null, "java/lang/Object", null);
        writer.visitSource("Registry.kt", SMAP);
        for (String field : List.of("cache", "stored", "evicted")) {
            writer.visitField(ACC_PRIVATE | ACC_FINAL, field, "Ljava/util/HashMap;", null, null).visitEnd();
        }

        MethodVisitor init = writer.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        line(init, 3);
        init.visitVarInsn(ALOAD, 0);
        init.visitMethodInsn(INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        line(init, 4);
        for (String field : List.of("cache", "stored", "evicted")) {
            init.visitVarInsn(ALOAD, 0);
            init.visitTypeInsn(NEW, "java/util/HashMap");
            init.visitInsn(DUP);
            init.visitMethodInsn(INVOKESPECIAL, "java/util/HashMap", "<init>", "()V", false);
            init.visitFieldInsn(PUTFIELD, CLASS, field, "Ljava/util/HashMap;");
        }
        init.visitInsn(RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor lookup = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, "lookup", "(Ljava/lang/String;)Ljava/lang/String;",
                null, null);
        lookup.visitCode();
        line(lookup, 7);
        fieldAsMap(lookup, "cache", 2);
        line(lookup, 20);
        lookup.visitVarInsn(ALOAD, 2);
        lookup.visitVarInsn(ALOAD, 1);
        lookup.visitMethodInsn(INVOKEINTERFACE, MAP, "get", "(Ljava/lang/Object;)Ljava/lang/Object;", true);
        lookup.visitInsn(POP);
        line(lookup, 23);
        lookup.visitVarInsn(ALOAD, 2);
        lookup.visitVarInsn(ALOAD, 1);
        lookup.visitVarInsn(ALOAD, 1);
        lookup.visitMethodInsn(INVOKEINTERFACE, MAP, "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                true);
        lookup.visitInsn(POP);
        line(lookup, 7);
        lookup.visitVarInsn(ALOAD, 1);
        lookup.visitInsn(ARETURN);
        lookup.visitMaxs(0, 0);
        lookup.visitEnd();

        MethodVisitor store = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, "store",
                "(Ljava/lang/String;Ljava/lang/String;)V", null, null);
        store.visitCode();
        line(store, 10);
        fieldAsMap(store, "stored", 3);
        line(store, 27);
        store.visitVarInsn(ALOAD, 3);
        store.visitVarInsn(ALOAD, 1);
        store.visitVarInsn(ALOAD, 2);
        store.visitMethodInsn(INVOKEINTERFACE, MAP, "put", "(Ljava/lang/Object;Ljava/lang/Object;)Ljava/lang/Object;",
                true);
        store.visitInsn(POP);
        line(store, 28);
        store.visitInsn(NOP);
        line(store, 11);
        store.visitInsn(RETURN);
        store.visitMaxs(0, 0);
        store.visitEnd();

        MethodVisitor evict = writer.visitMethod(ACC_PUBLIC | ACC_FINAL, "evict", "(Ljava/lang/String;)V", null, null);
        evict.visitCode();
        line(evict, 40);
        evict.visitVarInsn(ALOAD, 0);
        evict.visitFieldInsn(GETFIELD, CLASS, "evicted", "Ljava/util/HashMap;");
        evict.visitVarInsn(ALOAD, 1);
        evict.visitMethodInsn(INVOKEVIRTUAL, "java/util/HashMap", "remove", "(Ljava/lang/Object;)Ljava/lang/Object;",
                false);
        evict.visitInsn(POP);
        evict.visitInsn(RETURN);
        evict.visitMaxs(0, 0);
        evict.visitEnd();

        writer.visitEnd();
        return writer.toByteArray();
    }


    private static void fieldAsMap(MethodVisitor method, String field, int local) {
        method.visitVarInsn(ALOAD, 0);
        method.visitFieldInsn(GETFIELD, CLASS, field, "Ljava/util/HashMap;");
        method.visitTypeInsn(CHECKCAST, MAP);
        method.visitVarInsn(ASTORE, local);
    }

    private static void line(MethodVisitor method, int line) {
        Label label = new Label();
        method.visitLabel(label);
        method.visitLineNumber(line, label);
    }
}
