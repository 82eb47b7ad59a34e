package io.cacheguard.samples.reassign;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TemplateCache} with thread-safe maps both initially and on reassignment, and, like the
 * agent's patch, no {@code volatile}: the invariants must not rely on when other threads see the
 * new map.
 */
public final class SafeTemplateCache implements Templates {

    private Map<String, String> cache = new ConcurrentHashMap<>();

    @Override
    public String get(String name) {
        return cache.get(name);
    }

    @Override
    public void put(String name, String compiled) {
        cache.put(name, compiled);
    }

    @Override
    public void clear() {
        cache = new ConcurrentHashMap<>();
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public Set<String> names() {
        return cache.keySet();
    }
}
