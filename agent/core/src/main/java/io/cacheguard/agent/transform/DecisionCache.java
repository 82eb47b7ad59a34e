package io.cacheguard.agent.transform;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassAnalyzer;
import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.analysis.ClassPreFilter;
import io.cacheguard.agent.analysis.FieldReport;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One decision per class and class loader, computed once: from the bytes being loaded, or, for a
 * class whose field another class stores into, from its class file read through the loader (never
 * by loading it, which inside a transformer could recurse or load it too early).
 */
final class DecisionCache {
    /** Decisions for classes of the bootstrap loader and of loaders that have no identity for us. */
    private static final Object NO_LOADER = new Object();

    private final CacheSelector selector;
    /** Where fields declared as the application's own map class ask for it to be guarded; null in mode detect. */
    private final SubclassGuards subclassGuards;
    private final Map<Object, Map<String, ClassDecision>> byLoader = new WeakHashMap<>();
    private final Listener listener;

    interface Listener {
        /** Called once per class whose cache fields were analysed, with their reports. */
        void decided(ClassLoader loader, String className, List<FieldReport> reports);
    }

    private final TransformStats stats;

    DecisionCache(CacheSelector selector, SubclassGuards subclassGuards, Listener listener, TransformStats stats) {
        this.selector = selector;
        this.subclassGuards = subclassGuards;
        this.listener = listener;
        this.stats = stats;
    }

    /** The decision for a class, from its bytes; a class without selected map fields decides nothing. */
    ClassDecision decide(ClassLoader loader, String internalName, byte[] classFile) {
        Map<String, ClassDecision> decisions = decisionsOf(loader);
        ClassDecision known = decisions.get(internalName);
        if (known != null) {
            return known;
        }
        ClassDecision decision = analyse(loader, internalName, classFile);
        ClassDecision raced = decisions.putIfAbsent(internalName, decision);
        if (raced != null) {
            return raced;
        }
        if (!decision.reports.isEmpty()) {
            listener.decided(loader, internalName.replace('/', '.'), decision.reports);
        }
        return decision;
    }

    /** The decision for a class that is not being loaded right now, read through the loader. */
    ClassDecision decideByName(ClassLoader loader, String internalName) {
        ClassDecision known = decisionsOf(loader).get(internalName);
        if (known != null) {
            return known;
        }
        byte[] bytes = ClassBytesSource.of(loader).bytesOf(internalName);
        return bytes == null ? ClassDecision.NOTHING : decide(loader, internalName, bytes);
    }

    private ClassDecision analyse(ClassLoader loader, String internalName, byte[] classFile) {
        String className = internalName.replace('/', '.');
        if (CacheSelector.isExcluded(className) || !ClassPreFilter.mayDeclareMapField(classFile)
                || !selector.maySelectFieldOf(className, classFile)) {
            return ClassDecision.NOTHING;
        }
        long start = System.nanoTime();
        try {
            List<FieldReport> reports = new ClassAnalyzer(ClassBytesSource.of(loader)).analyze(classFile);
            return new ClassDecision(SubclassGuards.settle(subclassGuards, selector.select(reports)));
        } finally {
            stats.classesAnalysed.increment();
            stats.analysisNanos.add(System.nanoTime() - start);
        }
    }

    private synchronized Map<String, ClassDecision> decisionsOf(ClassLoader loader) {
        Object key = loader == null ? NO_LOADER : loader;
        Map<String, ClassDecision> decisions = byLoader.get(key);
        if (decisions == null) {
            decisions = new ConcurrentHashMap<>();
            byLoader.put(key, decisions);
        }
        return decisions;
    }
}
