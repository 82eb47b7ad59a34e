package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A best-effort cache that skips work when contended: {@code if (lock.tryLock())} and its
 * early-return twin {@code if (!lock.tryLock()) return}. The map is touched only on the branch
 * where tryLock returned true: safe.
 */
public final class TryLockCache {

    @Expect(SAFE)
    private final Map<String, Object> entries = new HashMap<>();
    private final Lock lock = new ReentrantLock();

    public boolean offer(String key, Object value) {
        if (lock.tryLock()) {
            try {
                entries.put(key, value);
                return true;
            } finally {
                lock.unlock();
            }
        }
        return false;
    }

    public boolean evict(String key) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            entries.remove(key);
            return true;
        } finally {
            lock.unlock();
        }
    }

    public Object peek(String key) {
        lock.lock();
        try {
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }
}
