package io.cacheguard.agent.runtime.detector;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The races of one map field past each map's own first ones: the budget that {@link Attribution}
 * samples over all the field's maps. One per field label and detector, shared by its maps' shadows.
 */
final class FieldRaces {
    private final AtomicInteger races = new AtomicInteger();

    /** Counts one race past its map's own; its number, counting from 1. */
    int next() {
        return races.incrementAndGet();
    }

    /** The number the next race would get. */
    int peekNext() {
        return races.get() + 1;
    }
}
