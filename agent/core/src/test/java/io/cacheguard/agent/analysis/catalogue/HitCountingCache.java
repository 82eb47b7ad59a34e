package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A read-write-locked cache that also counts hits. {@link #values} is read under the read lock and
 * written under the write lock: safe. {@link #hits} is merged into on every hit, under the read
 * lock many threads share: patch.
 */
public final class HitCountingCache {

    @Expect(SAFE)
    private final Map<String, Object> values = new HashMap<>();

    @Expect(value = PATCH, reason = "read lock")
    private final Map<String, Integer> hits = new HashMap<>();

    private final ReadWriteLock lock = new ReentrantReadWriteLock();

    public Object get(String key) {
        lock.readLock().lock();
        try {
            Object value = values.get(key);
            if (value != null) {
                hits.merge(key, 1, Integer::sum);
            }
            return value;
        } finally {
            lock.readLock().unlock();
        }
    }

    public void put(String key, Object value) {
        lock.writeLock().lock();
        try {
            values.put(key, value);
        } finally {
            lock.writeLock().unlock();
        }
    }

    public int hits(String key) {
        lock.readLock().lock();
        try {
            return hits.getOrDefault(key, 0);
        } finally {
            lock.readLock().unlock();
        }
    }
}
