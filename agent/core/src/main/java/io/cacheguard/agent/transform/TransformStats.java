package io.cacheguard.agent.transform;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the transformer cost: classes seen, how far each got, and the time spent. Reported in the
 * summary event, so that the agent's overhead on a real application is visible, not guessed.
 */
public final class TransformStats {
    final LongAdder classesSeen = new LongAdder();
    /**
     * Classes of the JDK's own loaders, which the transformer leaves at once: an AtomicLong (Unsafe)
     * rather than a LongAdder (VarHandle), see {@link CacheTransformer#transform}.
     */
    final AtomicLong jdkClassesSeen = new AtomicLong();
    final LongAdder classesPastFilter = new LongAdder();
    final LongAdder classesAnalysed = new LongAdder();
    final LongAdder transformNanos = new LongAdder();
    final LongAdder analysisNanos = new LongAdder();

    /** Every class the JVM offered the transformer, the JDK's own included. */
    public long classesSeen() {
        return classesSeen.sum() + jdkClassesSeen.get();
    }

    /** Classes whose constant pool named a map field and a cache word (or any, with targets/all). */
    public long classesPastFilter() {
        return classesPastFilter.sum();
    }

    public long classesAnalysed() {
        return classesAnalysed.sum();
    }

    /** All time spent inside the transformer, analysis included. */
    public long transformNanos() {
        return transformNanos.sum();
    }

    public long analysisNanos() {
        return analysisNanos.sum();
    }

    /** The totals of several transformers' stats (a re-attach replaces the transformer). */
    public static TransformStats sum(List<TransformStats> parts) {
        TransformStats total = new TransformStats();
        for (TransformStats part : parts) {
            total.classesSeen.add(part.classesSeen());
            total.classesPastFilter.add(part.classesPastFilter());
            total.classesAnalysed.add(part.classesAnalysed());
            total.transformNanos.add(part.transformNanos());
            total.analysisNanos.add(part.analysisNanos());
        }
        return total;
    }
}
