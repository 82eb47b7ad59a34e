package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The seed's fix: {@code get} looks under the read lock and, finding the entry expired, lets go,
 * takes the write lock and checks again before deleting. Reads hold the read lock and writes the
 * write lock of one ReentrantReadWriteLock: safe.
 */
public final class SafeExpiringCache<V> {

    static final class Item<V> {
        final V value;
        final long expiresAtMillis;

        Item(V value, long expiresAtMillis) {
            this.value = value;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    @Expect(SAFE)
    private final Map<String, Item<V>> cache = new HashMap<>();
    private final ReadWriteLock mutex = new ReentrantReadWriteLock();

    public V get(String key) {
        mutex.readLock().lock();
        try {
            Item<V> item = cache.get(key);
            if (item == null) {
                return null;
            }
            if (System.currentTimeMillis() <= item.expiresAtMillis) {
                return item.value;
            }
        } finally {
            mutex.readLock().unlock();
        }
        mutex.writeLock().lock();
        try {
            Item<V> again = cache.get(key);
            if (again == null) {
                return null;
            }
            if (System.currentTimeMillis() > again.expiresAtMillis) {
                cache.remove(key);
                return null;
            }
            return again.value;
        } finally {
            mutex.writeLock().unlock();
        }
    }

    public void put(String key, V value, long expiresAtMillis) {
        mutex.writeLock().lock();
        try {
            cache.put(key, new Item<>(value, expiresAtMillis));
        } finally {
            mutex.writeLock().unlock();
        }
    }

    public int size() {
        mutex.readLock().lock();
        try {
            return cache.size();
        } finally {
            mutex.readLock().unlock();
        }
    }
}
