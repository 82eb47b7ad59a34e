package io.cacheguard.legacy.shapes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A removeEldestEntry with side effects: it counts evictions and remembers the evicted keys. */
public class EvictionCountingLru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int max;
    private int evictions;
    private final List<K> evicted = new ArrayList<>();

    public EvictionCountingLru(int max) {
        super(16, 0.75f, true);
        this.max = max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        if (size() > max) {
            evictions++;
            evicted.add(eldest.getKey());
            return true;
        }
        return false;
    }

    public int evictions() {
        return evictions;
    }

    public int evictedKeys() {
        return evicted.size();
    }
}
