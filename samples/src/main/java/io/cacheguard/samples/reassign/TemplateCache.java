package io.cacheguard.samples.reassign;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A cache cleared by swapping in a new map rather than calling {@code clear()}, on the theory that
 * threads still using the old map are harmless. They are, but the new map is a plain
 * {@code HashMap} again: patching only the field's initial value leaves the cache racy after the
 * first reload, so the agent must also patch the assignment in {@link #clear()}.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #cache} and make it thread-safe, both
 * where it is initialized and where it is reassigned.
 */
public final class TemplateCache implements Templates {

    private Map<String, String> cache = new HashMap<>();

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
        cache = new HashMap<>();
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
