package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.classfile.ClassFileWalker;
import io.cacheguard.agent.analysis.FieldReport;
import io.cacheguard.agent.analysis.Verdict;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.objectweb.asm.Opcodes;

/**
 * The application's own map classes that are guarded in themselves (see {@link MapSubclassGuard}):
 * asked for by the analysis when it finds a racy field declared as one, and rewritten when they
 * load, with every class that extends them. Methods can be added to a class only when it is
 * defined, so a class the JVM had loaded before it was asked for stays as it is, and the field's
 * report says so. Names, not classes: a map class defined by two loaders is guarded in both.
 *
 * <p>One per agent session, shared by every transformer an option change swaps in: a class guarded
 * once keeps its added methods for good, and a retransformation must give it the same shape again.
 */
public final class SubclassGuards {
    private static final Map<String, Class<?>> JDK_MAPS = Map.of(
            "java/util/HashMap", java.util.HashMap.class,
            "java/util/LinkedHashMap", java.util.LinkedHashMap.class,
            "java/util/WeakHashMap", java.util.WeakHashMap.class);
    private static final int MAX_DEPTH = 16;

    private final Set<String> requested = ConcurrentHashMap.newKeySet();
    /** Classes guarded → whether as the subclass of a guarded class (own methods only): the shape a redefinition keeps. */
    private final Map<String, Boolean> guarded = new ConcurrentHashMap<>();
    /** Classes asked for too late, with the reason every field declared as one is skipped. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    /** Whether a class of this binary name is loaded already, in any loader. */
    private final Predicate<String> loaded;

    /** @param loaded whether a class of this binary name is loaded already, in any loader */
    public SubclassGuards(Predicate<String> loaded) {
        this.loaded = loaded;
    }

    /**
     * The reports as the agent acts on them: a field to patch that is declared as the application's
     * own map class asks for that class to be guarded, or is skipped, with the reason, when it cannot
     * be: the class is loaded already, or {@code guards} is null (mode detect, which watches only
     * fields a wrapper can stand in for).
     */
    static List<FieldReport> settle(SubclassGuards guards, List<FieldReport> reports) {
        List<FieldReport> settled = null;
        for (int i = 0; i < reports.size(); i++) {
            FieldReport report = reports.get(i);
            if (report.verdict() != Verdict.PATCH || report.ownMapClass() == null) {
                continue;
            }
            String why = guards == null
                    ? "mode=detect only watches fields a tracking map can stand in for; " + report.ownMapClass()
                            + " is the application's own class (modes patch and both guard that class itself)"
                    : guards.request(report.ownMapClass());
            if (why != null) {
                if (settled == null) {
                    settled = new ArrayList<>(reports);
                }
                settled.set(i, report.skipped(why));
            }
        }
        return settled == null ? reports : settled;
    }

    /** Asks for a class to be guarded when it loads: null, or why it cannot be. */
    private String request(String className) {
        String internalName = className.replace('.', '/');
        String refusal = refused.get(internalName);
        if (refusal != null || !requested.add(internalName)) {
            return refusal; // asked before: the first answer holds
        }
        if (!guarded.containsKey(internalName) && loaded.test(className)) {
            refusal = className + " was loaded before this field was found racy, and methods cannot be added to a"
                    + " loaded class; start the agent with targets=" + className + " to guard it from the start";
            refused.put(internalName, refusal);
        }
        return refusal;
    }

    /**
     * The guarded class file of a class being defined that was asked for, named in {@code targets}
     * ({@code targeted}), or extends one that is guarded; null for every other class. A class being
     * redefined gets only the shape it was defined with: guarded again if it was, else left alone.
     */
    byte[] guardIfAsked(ClassLoader loader, String internalName, byte[] classFile, boolean redefining,
                        Predicate<String> targeted) {
        Boolean definedShape = guarded.get(internalName);
        if (redefining && definedShape == null
                || requested.isEmpty() && guarded.isEmpty() && !targeted.test(internalName.replace('/', '.'))) {
            return null; // the common case: no map class asked for at all
        }
        String superName = new ClassFileWalker(classFile).superName();
        boolean superGuarded;
        if (definedShape != null) {
            superGuarded = definedShape; // a redefinition, or another loader's copy: the same shape again
        } else {
            // A subclass is often defined before its superclass (defining it loads the superclass),
            // so a superclass asked for counts as guarded: it is by the time the subclass is used.
            superGuarded = superName != null && (guarded.containsKey(superName) || requested.contains(superName));
            boolean asked = requested.contains(internalName) || targeted.test(internalName.replace('/', '.'));
            if (!asked && !superGuarded) {
                return null;
            }
        }
        byte[] result;
        if (superGuarded) {
            result = MapSubclassGuard.guard(classFile, null, Set.of(), true);
        } else {
            Chain chain = Chain.of(ClassBytesSource.of(loader), superName);
            if (chain == null) {
                return null; // not a HashMap, LinkedHashMap or WeakHashMap underneath after all
            }
            result = MapSubclassGuard.guard(classFile, chain.jdkBase, chain.finalMethods, false);
        }
        guarded.putIfAbsent(internalName, superGuarded);
        return result;
    }

    /** The superclasses of a map class up to the JDK map it extends, read without loading them. */
    private static final class Chain {
        final Class<?> jdkBase;
        /** {@code name+descriptor} of the methods they declare final. */
        final Set<String> finalMethods;

        private Chain(Class<?> jdkBase, Set<String> finalMethods) {
            this.jdkBase = jdkBase;
            this.finalMethods = finalMethods;
        }

        static Chain of(ClassBytesSource source, String superName) {
            Set<String> finalMethods = new HashSet<>();
            String current = superName;
            for (int depth = 0; depth < MAX_DEPTH && current != null; depth++) {
                Class<?> jdk = JDK_MAPS.get(current);
                if (jdk != null) {
                    return new Chain(jdk, finalMethods);
                }
                byte[] bytes = source.bytesOf(current);
                if (bytes == null) {
                    return null;
                }
                ClassFileWalker walker = new ClassFileWalker(bytes);
                walker.anyMember(new ClassFileWalker.MemberVisitor() {
                    @Override
                    public boolean field(int access, int member) {
                        return false;
                    }

                    @Override
                    public boolean method(int access, int member, int codeStart, int codeLength) {
                        if ((access & Opcodes.ACC_FINAL) != 0) {
                            finalMethods.add(walker.memberName(member) + walker.memberDescriptor(member));
                        }
                        return false;
                    }
                });
                current = walker.superName();
            }
            return null;
        }
    }
}
