package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code lock.tryLock()} called as if it were {@code lock()}, its result dropped. When it fails the
 * put runs anyway, so the put is not known to hold the lock: patch.
 */
public final class IgnoredTryLockCache {

    @Expect(PATCH)
    private final Map<String, Object> entries = new HashMap<>();
    private final Lock lock = new ReentrantLock();

    public void put(String key, Object value) {
        lock.tryLock();
        try {
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    public Object get(String key) {
        lock.lock();
        try {
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }
}
