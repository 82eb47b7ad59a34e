package io.cacheguard.detector;

/**
 * The vector clock of each synchronization object (a monitor, a lock, a volatile's holder), by
 * identity and weakly: a lock that dies takes its clock with it. The table is thread-safe; each
 * clock is read and joined under its own monitor, so threads using different locks never meet.
 */
final class SyncClocks {
    private final WeakIdentityMap<VectorClock> clocks = new WeakIdentityMap<>();

    /** The clock of {@code sync}, created empty on first use. */
    VectorClock of(Object sync) {
        return clocks.computeIfAbsent(sync, s -> new VectorClock());
    }

    int size() {
        return clocks.size();
    }
}
