package io.cacheguard.legacy.shapes;

import java.util.LinkedHashMap;
import java.util.Map;

/** The textbook LRU: an access-ordered LinkedHashMap whose removeEldestEntry keeps it bounded. */
public class AccessOrderLru<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private final int max;

    public AccessOrderLru(int max) {
        super(16, 0.75f, true);
        this.max = max;
    }

    public int max() {
        return max;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > max;
    }
}
