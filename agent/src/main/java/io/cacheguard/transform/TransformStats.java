package io.cacheguard.transform;

import java.util.concurrent.atomic.LongAdder;

/**
 * What the transformer cost: classes seen, how far each got, and the time spent. Reported in the
 * summary event, so that the agent's overhead on a real application is visible, not guessed.
 */
public final class TransformStats {
    final LongAdder classesSeen = new LongAdder();
    final LongAdder classesPastFilter = new LongAdder();
    final LongAdder classesAnalysed = new LongAdder();
    final LongAdder transformNanos = new LongAdder();
    final LongAdder analysisNanos = new LongAdder();

    public long classesSeen() {
        return classesSeen.sum();
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
}
