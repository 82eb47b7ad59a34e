package io.cacheguard.samples.lru;

import java.util.Map;
import java.util.Set;

/**
 * Holds an {@link LruCache} in a field and shares it across request threads without a lock.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #cache}, declared as {@code Map} and
 * holding an {@code LruCache}, and make it thread-safe.
 */
public final class RecentPagesCache implements RecentPages {

    private final Map<String, String> cache;
    private final int capacity;

    public RecentPagesCache(int capacity) {
        this.cache = new LruCache<>(capacity);
        this.capacity = capacity;
    }

    @Override
    public String get(String path) {
        return cache.get(path);
    }

    @Override
    public void put(String path, String html) {
        cache.put(path, html);
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public Set<String> paths() {
        return cache.keySet();
    }
}
