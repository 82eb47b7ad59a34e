package io.cacheguard.agent;

import io.cacheguard.agent.analysis.CacheSelector;
import io.cacheguard.agent.analysis.ClassBytesSource;
import io.cacheguard.agent.analysis.ClassPreFilter;
import io.cacheguard.agent.config.AgentOptions;
import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * On attach, the classes that were loaded before the transformer existed: each one that may
 * touch a cache map field is retransformed, which runs the same transformer on its original class
 * file (never on an earlier rewrite, so nothing is instrumented twice). Only method bodies change.
 *
 * <p>Classes are retransformed one at a time: each is its own short safepoint instead of one long
 * pause for all, and a class the JVM refuses does not take the others down with it.
 */
final class LoadedClasses {
    private LoadedClasses() {
    }

    /** What one pass did. */
    static final class Result {
        int candidates;
        int retransformed;
        int failed;
        long nanos;
        /** The longest single retransformation: a bound on the pause an application thread saw. */
        long longestNanos;
        /** Names of the application classes loaded at that moment (their fields may have stale aliases). */
        final Set<String> loaded = new HashSet<>();
    }

    /**
     * @param session the agent whose transformer is installed
     * @param options the options that transformer uses (its selection decides the candidates)
     */
    static Result retransform(AgentSession session, AgentOptions options) {
        Result result = new Result();
        Instrumentation instrumentation = session.instrumentation;
        if (!instrumentation.isRetransformClassesSupported()) {
            session.log.error("this JVM cannot retransform classes; only classes loaded from now on are patched");
            return result;
        }
        long start = System.nanoTime();
        CacheSelector selector = options.selector();
        List<Class<?>> candidates = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.isArray() || type.isPrimitive() || type.isHidden() || !instrumentation.isModifiableClass(type)) {
                continue;
            }
            String name = type.getName();
            if (!options.isIncluded(name)) {
                continue; // also keeps the JDK and the agent out
            }
            if (session.otherAgents.defines(type.getProtectionDomain()) && !options.includesExplicitly(name)) {
                continue; // another agent's class, which the transformer leaves as it is
            }
            result.loaded.add(name);
            if (session.ledger.wasTransformed(name) || mayTouchCacheField(type, selector)) {
                candidates.add(type);
            }
        }
        result.candidates = candidates.size();
        session.telemetry.retransforming(true);
        try {
            retransformEach(session, candidates, result);
        } finally {
            session.telemetry.retransforming(false);
        }
        result.nanos = System.nanoTime() - start;
        return result;
    }

    private static void retransformEach(AgentSession session, List<Class<?>> candidates, Result result) {
        Instrumentation instrumentation = session.instrumentation;
        for (Class<?> type : candidates) {
            long one = System.nanoTime();
            try {
                instrumentation.retransformClasses(type);
                result.retransformed++;
            } catch (Throwable t) {
                result.failed++;
                session.reporter.transformFailed(type.getName(), t);
            }
            result.longestNanos = Math.max(result.longestNanos, System.nanoTime() - one);
        }
    }

    /**
     * The transformer's own pre-filter, on the class file the class's loader still serves: only a
     * class that names a map field (and a cache word, unless targets or all widen the selection)
     * is worth a retransformation. A class without a readable class file (generated at run time)
     * is left alone.
     */
    private static boolean mayTouchCacheField(Class<?> type, CacheSelector selector) {
        byte[] classFile = ClassBytesSource.of(type.getClassLoader()).bytesOf(type.getName().replace('.', '/'));
        if (classFile == null) {
            return false;
        }
        ClassPreFilter.Summary summary = ClassPreFilter.summarize(classFile);
        return summary.mapDescriptor && (summary.cacheWord || !selector.selectsByNamesOnly());
    }
}
