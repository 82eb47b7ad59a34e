package io.cacheguard.agent.runtime.detector;

import java.util.function.Function;

/**
 * A thread's few most recently used synchronization objects and their clocks, so that a lock taken
 * again and again is found without a shared table. Used only by that thread.
 */
public final class RecentClocks<C> {
    static final int SIZE = 4;
    private final Object[] syncs = new Object[SIZE];
    private final Object[] clocks = new Object[SIZE];
    private int next;

    /** The clock of {@code sync} if it is among the recent ones, else null. */
    @SuppressWarnings("unchecked")
    public C of(Object sync) {
        for (int i = 0; i < SIZE; i++) {
            if (syncs[i] == sync) {
                return (C) clocks[i];
            }
        }
        return null;
    }

    /** The clock of {@code sync}: a recent one, else {@code table}'s (created there by {@code create}), remembered. */
    C of(Object sync, WeakIdentityMap<C> table, Function<Object, C> create) {
        C clock = of(sync);
        if (clock == null) {
            clock = table.computeIfAbsent(sync, create);
            remember(sync, clock);
        }
        return clock;
    }

    public void remember(Object sync, C clock) {
        syncs[next] = sync;
        clocks[next] = clock;
        next = (next + 1) % SIZE;
    }
}
