package io.cacheguard.legacy.shapes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * jackson-databind 2.4.1's LRUMap shape: a read-write lock inside the subclass, with get under the
 * read lock, which is wrong for an access-ordered map (two gets relink the list at once).
 */
public class ReadWriteLockedLru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int max;
    private final transient ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public ReadWriteLockedLru(int max) {
        super(16, 0.75f, true);
        this.max = max;
    }

    @Override
    public V get(Object key) {
        lock.readLock().lock();
        try {
            return super.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public V put(K key, V value) {
        lock.writeLock().lock();
        try {
            return super.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
