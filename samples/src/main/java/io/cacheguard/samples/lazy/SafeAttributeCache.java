package io.cacheguard.samples.lazy;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link AttributeCache} made correct in both respects: a thread-safe map, created at most once by
 * double-checked locking on a volatile field.
 */
public final class SafeAttributeCache implements Attributes {

    private volatile Map<String, String> cache;

    @Override
    public void put(String name, String value) {
        Map<String, String> map = cache;
        if (map == null) {
            synchronized (this) {
                map = cache;
                if (map == null) {
                    map = new ConcurrentHashMap<>();
                    cache = map;
                }
            }
        }
        map.put(name, value);
    }

    @Override
    public String get(String name) {
        Map<String, String> map = cache;
        return map == null ? null : map.get(name);
    }

    @Override
    public int size() {
        Map<String, String> map = cache;
        return map == null ? 0 : map.size();
    }
}
