package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A plugin registry that keeps the two halves of a ReentrantReadWriteLock in fields. Lookups
 * under {@code readLock} and installs under {@code writeLock} order {@link #plugins}: safe. But
 * {@link #lastUsed} is stamped during lookups, under the shared read lock: patch.
 */
public final class PluginRegistry {
    private final ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
    private final Lock readLock = rw.readLock();
    private final Lock writeLock = rw.writeLock();

    @Expect(SAFE)
    private final Map<String, Object> plugins = new HashMap<>();

    @Expect(value = PATCH, reason = "read lock")
    private final Map<String, Long> lastUsed = new HashMap<>();

    public Object plugin(String name) {
        readLock.lock();
        try {
            Object plugin = plugins.get(name);
            if (plugin != null) {
                lastUsed.put(name, System.nanoTime());
            }
            return plugin;
        } finally {
            readLock.unlock();
        }
    }

    public void install(String name, Object plugin) {
        writeLock.lock();
        try {
            plugins.put(name, plugin);
            lastUsed.remove(name);
        } finally {
            writeLock.unlock();
        }
    }

    public Long lastUsed(String name) {
        readLock.lock();
        try {
            return lastUsed.get(name);
        } finally {
            readLock.unlock();
        }
    }
}
