package io.cacheguard.agent;

import io.cacheguard.agent.transform.CacheTransformer;
import io.cacheguard.agent.transform.TransformStats;
import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one transformer the agent registers with the JVM, delegating to the current
 * {@link CacheTransformer}. A re-attach with another class selection swaps the delegate in one
 * step: removing one transformer and adding another would leave a gap in which classes load
 * unpatched, or an overlap in which they are patched twice.
 */
final class TransformerSlot implements ClassFileTransformer {
    private volatile CacheTransformer delegate;
    private final List<TransformStats> stats = new CopyOnWriteArrayList<>();

    TransformerSlot(CacheTransformer first) {
        this.delegate = first;
        this.stats.add(first.stats());
    }

    void swap(CacheTransformer next) {
        stats.add(next.stats());
        delegate = next;
    }

    /** The cost of every transformer this slot has held, for the summary at exit. */
    TransformStats stats() {
        return TransformStats.sum(stats);
    }

    /** What the current transformer's selection has not matched, for the summary at exit. */
    List<String> unmatchedSelection() {
        return delegate.unmatchedSelection();
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classFile) {
        return delegate.transform(loader, className, classBeingRedefined, protectionDomain, classFile);
    }
}
