package io.cacheguard.samples.lru;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The LRU map every Java code base has: a {@link LinkedHashMap} in access order that evicts its
 * eldest entry past a maximum. Access order means that even {@code get} relinks entries, so
 * "readers only" is no excuse to share it unlocked.
 */
public class LruCache<K, V> extends LinkedHashMap<K, V> {

    private static final long serialVersionUID = 1L;

    private final int maxEntries;

    public LruCache(int maxEntries) {
        super(16, 0.75f, true);
        this.maxEntries = maxEntries;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > maxEntries;
    }
}
