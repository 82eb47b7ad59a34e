package io.cacheguard.legacy.shapes;

import java.util.LinkedHashMap;
import java.util.Map;

/** Its own get override calling super.get, keeping hit and miss counts in extra fields. */
public class CountingLru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int max;
    private long hits;
    private long misses;

    public CountingLru(int max) {
        super(16, 0.75f, true);
        this.max = max;
    }

    @Override
    public V get(Object key) {
        V value = super.get(key);
        if (value == null) {
            misses++;
        } else {
            hits++;
        }
        return value;
    }

    public long lookups() {
        return hits + misses;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
