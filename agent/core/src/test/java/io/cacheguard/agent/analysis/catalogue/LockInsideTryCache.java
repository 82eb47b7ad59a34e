package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@code lock()} called as the first statement inside the try rather than before it, a common
 * slip that only matters if lock() itself throws. Every map access comes after lock() returned and
 * before unlock(): safe.
 */
public final class LockInsideTryCache {

    @Expect(SAFE)
    private final Map<String, Object> entries = new HashMap<>();
    private final Lock lock = new ReentrantLock();

    public void put(String key, Object value) {
        try {
            lock.lock();
            entries.put(key, value);
        } finally {
            lock.unlock();
        }
    }

    public Object get(String key) {
        try {
            lock.lock();
            return entries.get(key);
        } finally {
            lock.unlock();
        }
    }
}
