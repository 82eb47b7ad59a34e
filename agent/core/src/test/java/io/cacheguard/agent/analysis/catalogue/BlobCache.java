package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A ReentrantLock taken before each try and released in its finally, once per entry in a bulk
 * put. Every access holds the lock: safe.
 */
public final class BlobCache {

    @Expect(SAFE)
    private final Map<String, byte[]> blobs = new HashMap<>();
    private final Lock lock = new ReentrantLock();

    public byte[] get(String key) {
        lock.lock();
        try {
            return blobs.get(key);
        } finally {
            lock.unlock();
        }
    }

    public void put(String key, byte[] blob) {
        lock.lock();
        try {
            blobs.put(key, blob);
        } finally {
            lock.unlock();
        }
    }

    public void putAll(Map<String, byte[]> more) {
        for (Map.Entry<String, byte[]> entry : more.entrySet()) {
            lock.lock();
            try {
                blobs.put(entry.getKey(), entry.getValue());
            } finally {
                lock.unlock();
            }
        }
    }
}
