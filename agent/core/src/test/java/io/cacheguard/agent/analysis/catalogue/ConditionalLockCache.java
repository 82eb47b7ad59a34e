package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Locking switched by a constructor flag, {@code if (concurrent) lock.lock()}, for callers said to
 * be single-threaded. A lock taken on one branch guards nothing after the branches join: patch.
 */
public final class ConditionalLockCache {

    @Expect(PATCH)
    private final Map<String, Object> entries = new HashMap<>();
    private final Lock lock = new ReentrantLock();
    private final boolean concurrent;

    public ConditionalLockCache(boolean concurrent) {
        this.concurrent = concurrent;
    }

    public void put(String key, Object value) {
        if (concurrent) {
            lock.lock();
        }
        try {
            entries.put(key, value);
        } finally {
            if (concurrent) {
                lock.unlock();
            }
        }
    }

    public Object get(String key) {
        if (concurrent) {
            lock.lock();
        }
        try {
            return entries.get(key);
        } finally {
            if (concurrent) {
                lock.unlock();
            }
        }
    }
}
