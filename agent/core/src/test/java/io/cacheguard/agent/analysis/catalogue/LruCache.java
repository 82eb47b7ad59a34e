package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * An LRU built on a named LinkedHashMap subclass in access order. Its author took the read lock for
 * {@code get} because get "only reads"; in access order get relinks the entry, a write under a
 * read lock: patch.
 */
public final class LruCache<K, V> {

    static final class LruMap<K, V> extends LinkedHashMap<K, V> {
        private static final long serialVersionUID = 1L;
        private final int maxEntries;

        LruMap(int maxEntries) {
            super(16, 0.75f, true);
            this.maxEntries = maxEntries;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > maxEntries;
        }
    }

    @Expect(value = PATCH, reason = "read lock")
    private final Map<K, V> entries;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public LruCache(int maxEntries) {
        this.entries = new LruMap<>(maxEntries);
    }

    public V get(K key) {
        lock.readLock().lock();
        try {
            return entries.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void put(K key, V value) {
        lock.writeLock().lock();
        try {
            entries.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
