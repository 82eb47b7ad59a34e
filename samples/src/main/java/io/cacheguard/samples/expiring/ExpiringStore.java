package io.cacheguard.samples.expiring;

import java.time.Instant;
import java.util.Set;

/**
 * What the run-all driver needs from an expiring cache, so it can drive the legacy class and its
 * safe twin alike.
 */
public interface ExpiringStore<V> {

    /** The value, or null when absent or expired; an expired item is deleted on the way. */
    V get(String key);

    void put(String key, V value, Instant expiration);

    int size();

    /** A live view for checks made after all workers have finished; not safe while they run. */
    Set<String> keys();
}
