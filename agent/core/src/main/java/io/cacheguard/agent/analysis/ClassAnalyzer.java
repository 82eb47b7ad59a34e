package io.cacheguard.agent.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InnerClassNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;

/**
 * Decides, for every map field a class declares, whether the agent patches it, and why.
 *
 * <p>The class is analysed together with its nest members (inner, anonymous and local classes,
 * whose lambdas and methods touch the outer class's fields directly or through accessors). Each
 * method gets a value-flow analysis (where does the receiver of {@code put} come from) and a lock
 * analysis over its control-flow graph; private methods and lambdas inherit the locks held where
 * they are called, to a fixpoint. {@link VerdictRules} then judges the uses of each field.
 */
public final class ClassAnalyzer {
    private final ClassBytesSource related;

    /** @param related where the class files of nest members and map subclasses are read from */
    public ClassAnalyzer(ClassBytesSource related) {
        this.related = related;
    }

    /**
     * A report for each map-typed field the class declares (and each {@code ThreadLocal} of a map),
     * in declaration order; none for a class without such fields.
     *
     * @throws IllegalArgumentException if the bytes are not a readable class file
     */
    public List<FieldReport> analyze(byte[] classFile) {
        ClassNode owner = read(classFile);
        if (owner == null) {
            throw new IllegalArgumentException("not a readable class file");
        }
        List<FieldNode> mapFields = new ArrayList<>();
        List<FieldNode> threadLocals = new ArrayList<>();
        MapSubclasses subclasses = new MapSubclasses(related);
        for (FieldNode field : owner.fields) {
            if ((field.access & Opcodes.ACC_SYNTHETIC) != 0) {
                continue; // a lambda's or local class's copy of a captured local: confined, not a cache
            }
            if (MapTypes.isMapDescriptor(field.desc) || isOwnMapType(field.desc, subclasses)) {
                mapFields.add(field);
            } else if (isThreadLocalOfMap(field)) {
                threadLocals.add(field);
            }
        }
        if (mapFields.isEmpty() && threadLocals.isEmpty()) {
            return List.of();
        }
        VerdictRules rules = new VerdictRules(owner.name.replace('/', '.'), owner.sourceFile);
        Map<String, FieldReport> reports = new LinkedHashMap<>();
        for (FieldNode field : threadLocals) {
            reports.put(field.name, rules.threadLocal(field));
        }
        if (!mapFields.isEmpty()) {
            ClassAnalysis analysis = new ClassAnalysis(related, owner, mapFields, subclasses);
            analysis.run();
            for (FieldNode field : mapFields) {
                FieldReport report = rules.decide(field, analysis.assigned(field.name), analysis.uses(field.name),
                        analysis.failureFor(field.name), analysis.reach(field.name));
                if (report.verdict() == Verdict.PATCH && (field.access & Opcodes.ACC_STATIC) == 0
                        && analysis.operationState() != null) { // looked for only when an instance map would be patched
                    report = rules.confinedWithItsObject(field, report, analysis.operationState());
                }
                reports.put(field.name, report.withLazyInitStores(analysis.lazyInitStores(field.name)));
            }
        }
        List<FieldReport> ordered = new ArrayList<>();
        for (FieldNode field : owner.fields) {
            FieldReport report = reports.get(field.name);
            if (report != null) {
                ordered.add(report);
            }
        }
        return ordered;
    }

    /**
     * A field declared as the application's own HashMap/LinkedHashMap/WeakHashMap subclass: reported,
     * as skipped. Reading the class file of every field's type would cost more than all the rest of
     * the analysis, so only types named like a map or a cache ({@code LRUMap}, {@code BoundedCache})
     * are looked at.
     */
    private static boolean isOwnMapType(String descriptor, MapSubclasses subclasses) {
        if (!descriptor.startsWith("L")) {
            return false;
        }
        String type = descriptor.substring(1, descriptor.length() - 1);
        String simpleName = LockResolver.simpleName(type).toLowerCase(java.util.Locale.ROOT);
        boolean namedLikeAMap = simpleName.contains("map") || simpleName.contains("cache")
                || simpleName.contains("lru") || simpleName.contains("memo");
        if (!namedLikeAMap || MapTypes.isJdkOwner(type)) {
            return false;
        }
        MapSubclasses.Kind kind = subclasses.classify(type);
        return kind != MapSubclasses.Kind.OTHER && kind != MapSubclasses.Kind.UNKNOWN;
    }

    private static boolean isThreadLocalOfMap(FieldNode field) {
        return field.desc.equals("Ljava/lang/ThreadLocal;") && field.signature != null
                && field.signature.matches(".*<Ljava/util/[A-Za-z]*Map[<;].*");
    }

    static ClassNode read(byte[] bytes) {
        try {
            ClassNode node = new ClassNode();
            new ClassReader(bytes).accept(node, ClassReader.SKIP_FRAMES);
            return node;
        } catch (RuntimeException malformed) {
            return null;
        }
    }
}
