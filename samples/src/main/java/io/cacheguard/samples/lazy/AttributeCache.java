package io.cacheguard.samples.lazy;

import java.util.HashMap;
import java.util.Map;

/**
 * Attributes of an object that usually has none, so the map is only created on the first put, a
 * common memory-saving idiom. Two threads that both see null both create a map; the one assigned
 * first is overwritten, and whatever was put into it is gone.
 *
 * <p>Deliberately wrong, twice: the map is not thread-safe, and neither is its creation. Making the
 * map thread-safe fixes the first; only assigning {@link #cache} by compare-and-set fixes the second.
 */
public final class AttributeCache implements Attributes {

    private Map<String, String> cache;

    @Override
    public void put(String name, String value) {
        if (cache == null) {
            cache = new HashMap<>();
        }
        cache.put(name, value);
    }

    @Override
    public String get(String name) {
        return cache == null ? null : cache.get(name);
    }

    @Override
    public int size() {
        return cache == null ? 0 : cache.size();
    }
}
