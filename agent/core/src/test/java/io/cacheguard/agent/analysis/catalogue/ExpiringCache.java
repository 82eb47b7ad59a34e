package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The seed bug, Terragrunt's ExpiringCache: {@code get} holds only the read lock, yet deletes the
 * entry it finds expired, so two readers can remove at once. A read lock excludes writers only
 * from readers, not from each other: patch, because of the read lock.
 */
public final class ExpiringCache<V> {

    /** Package-private members: the class is also rewritten as a Java 5 class file, which has no nestmates. */
    static final class Item<V> {
        final V value;
        final long expiresAtMillis;

        Item(V value, long expiresAtMillis) {
            this.value = value;
            this.expiresAtMillis = expiresAtMillis;
        }
    }

    @Expect(value = PATCH, reason = "read lock")
    private final Map<String, Item<V>> cache = new HashMap<>();
    private final ReadWriteLock mutex = new ReentrantReadWriteLock();

    public V get(String key) {
        mutex.readLock().lock();
        try {
            Item<V> item = cache.get(key);
            if (item == null) {
                return null;
            }
            if (System.currentTimeMillis() > item.expiresAtMillis) {
                cache.remove(key);
                return null;
            }
            return item.value;
        } finally {
            mutex.readLock().unlock();
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
