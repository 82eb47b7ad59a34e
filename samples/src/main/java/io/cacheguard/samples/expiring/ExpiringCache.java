package io.cacheguard.samples.expiring;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A faithful port of Terragrunt's {@code ExpiringCache} (internal/cache/cache.go) as it shipped
 * until gruntwork-io/terragrunt#3457: {@code Put} takes the write lock, but {@code Get} takes only
 * the read lock and still deletes the item it finds expired. Many goroutines hold the read lock at
 * once, so two of them could delete together, and run-all crashed in init, validate or plan with
 * "fatal error: concurrent map writes" (#3456). A {@link HashMap} does not crash: two removals that
 * overlap decrement its size twice for one entry, or relink a removed entry back into its bin.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #cache} and make it thread-safe; note
 * that every access to it is under a lock, just the wrong kind for a delete.
 */
public final class ExpiringCache<V> implements ExpiringStore<V> {

    /** An item and the instant after which Get treats it as gone, as Go's ExpiringItem. */
    record ExpiringItem<V>(V value, Instant expiration) {
    }

    private final Map<String, ExpiringItem<V>> cache = new HashMap<>();
    private final ReadWriteLock mutex = new ReentrantReadWriteLock();
    private final Clock clock;

    public ExpiringCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public V get(String key) {
        mutex.readLock().lock();
        try {
            ExpiringItem<V> item = cache.get(key);
            if (item == null) {
                return null;
            }
            if (clock.instant().isAfter(item.expiration())) {
                // The bug: a write under the read lock, concurrent with other readers' writes.
                cache.remove(key);
                return null;
            }
            return item.value();
        } finally {
            mutex.readLock().unlock();
        }
    }

    @Override
    public void put(String key, V value, Instant expiration) {
        mutex.writeLock().lock();
        try {
            cache.put(key, new ExpiringItem<>(value, expiration));
        } finally {
            mutex.writeLock().unlock();
        }
    }

    @Override
    public int size() {
        mutex.readLock().lock();
        try {
            return cache.size();
        } finally {
            mutex.readLock().unlock();
        }
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(cache.keySet());
    }
}
