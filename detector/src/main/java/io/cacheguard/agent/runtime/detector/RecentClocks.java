package io.cacheguard.agent.runtime.detector;

/** A thread's few most recently used synchronization objects and their clocks. Used only by that thread. */
final class RecentClocks<C> {
    static final int SIZE = 4;
    private final Object[] syncs = new Object[SIZE];
    private final Object[] clocks = new Object[SIZE];
    private int next;

    @SuppressWarnings("unchecked")
    C of(Object sync) {
        for (int i = 0; i < SIZE; i++) {
            if (syncs[i] == sync) {
                return (C) clocks[i];
            }
        }
        return null;
    }

    void remember(Object sync, C clock) {
        syncs[next] = sync;
        clocks[next] = clock;
        next = (next + 1) % SIZE;
    }
}
