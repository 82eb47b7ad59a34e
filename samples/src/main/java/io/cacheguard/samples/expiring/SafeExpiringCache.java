package io.cacheguard.samples.expiring;

import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link ExpiringCache} with only its map made thread-safe, as the agent would make it: the read
 * lock still guards a delete. Proves the run-all invariants need nothing more than a correct map.
 */
public final class SafeExpiringCache<V> implements ExpiringStore<V> {

    private final Map<String, ExpiringCache.ExpiringItem<V>> cache = new ConcurrentHashMap<>();
    private final ReadWriteLock mutex = new ReentrantReadWriteLock();
    private final Clock clock;

    public SafeExpiringCache(Clock clock) {
        this.clock = clock;
    }

    @Override
    public V get(String key) {
        mutex.readLock().lock();
        try {
            ExpiringCache.ExpiringItem<V> item = cache.get(key);
            if (item == null) {
                return null;
            }
            if (clock.instant().isAfter(item.expiration())) {
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
            cache.put(key, new ExpiringCache.ExpiringItem<>(value, expiration));
        } finally {
            mutex.writeLock().unlock();
        }
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public Set<String> keys() {
        return Collections.unmodifiableSet(cache.keySet());
    }
}
