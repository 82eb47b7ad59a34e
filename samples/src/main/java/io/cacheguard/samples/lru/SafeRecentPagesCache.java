package io.cacheguard.samples.lru;

import java.util.Collections;
import java.util.Map;
import java.util.Set;

/**
 * {@link RecentPagesCache} with its LRU map wrapped in a synchronized view, which is what keeps a
 * {@code LinkedHashMap}'s access order and eviction correct; a concurrent map has neither.
 */
public final class SafeRecentPagesCache implements RecentPages {

    private final Map<String, String> cache;
    private final int capacity;

    public SafeRecentPagesCache(int capacity) {
        this.cache = Collections.synchronizedMap(new LruCache<>(capacity));
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
