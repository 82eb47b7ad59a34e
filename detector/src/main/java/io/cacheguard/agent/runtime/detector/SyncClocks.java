package io.cacheguard.agent.runtime.detector;

/**
 * The vector clock of each synchronization object (a monitor, a lock, a volatile's holder), by
 * identity and weakly: a lock that dies takes its clock with it. The table is thread-safe, and
 * each clock is lock-free (see {@link SyncClock}).
 */
final class SyncClocks {
    private final WeakIdentityMap<SyncClock> clocks = new WeakIdentityMap<>();

    /** The clock of {@code sync}, created empty on first use. */
    SyncClock of(Object sync) {
        return clocks.computeIfAbsent(sync, s -> new SyncClock());
    }

    int size() {
        return clocks.size();
    }
}
