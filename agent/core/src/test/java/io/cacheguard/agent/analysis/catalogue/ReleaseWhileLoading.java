package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A loader that lets go of the lock during the slow load and takes it back in a finally. The put
 * into {@link #values} comes after the lock is taken back: safe. The in-flight marker is put into
 * {@link #loading} between unlock and load, while the lock is released: patch.
 */
public final class ReleaseWhileLoading {

    @Expect(SAFE)
    private final Map<String, Object> values = new HashMap<>();

    @Expect(PATCH)
    private final Map<String, Thread> loading = new HashMap<>();

    private final Lock lock = new ReentrantLock();

    public Object get(String key) {
        lock.lock();
        try {
            Object value = values.get(key);
            if (value == null) {
                lock.unlock();
                try {
                    loading.put(key, Thread.currentThread());
                    value = load(key);
                } finally {
                    lock.lock();
                }
                loading.remove(key);
                values.put(key, value);
            }
            return value;
        } finally {
            lock.unlock();
        }
    }

    public boolean isLoading(String key) {
        lock.lock();
        try {
            return loading.containsKey(key);
        } finally {
            lock.unlock();
        }
    }

    private static Object load(String key) {
        return new StringBuilder(key).reverse();
    }
}
