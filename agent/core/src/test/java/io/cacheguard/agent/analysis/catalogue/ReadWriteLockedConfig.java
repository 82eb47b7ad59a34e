package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Configuration read by request threads under the read lock and reloaded under the write lock; the
 * snapshot copies it under the write lock, which orders reads too. Safe.
 */
public final class ReadWriteLockedConfig {

    @Expect(SAFE)
    private final Map<String, String> properties = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    public String get(String key) {
        lock.readLock().lock();
        try {
            return properties.get(key);
        } finally {
            lock.readLock().unlock();
        }
    }

    public void reload(Map<String, String> fresh) {
        lock.writeLock().lock();
        try {
            properties.clear();
            properties.putAll(fresh);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public Map<String, String> snapshot() {
        lock.writeLock().lock();
        try {
            return new HashMap<>(properties);
        } finally {
            lock.writeLock().unlock();
        }
    }
}
