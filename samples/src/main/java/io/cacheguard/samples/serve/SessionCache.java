package io.cacheguard.samples.serve;

import java.util.HashMap;
import java.util.Map;

/**
 * An instance cache, one per server, written by its request threads without a lock. Deliberately
 * wrong: the agent attached to a running {@link ServeLoop} must guard the map this very instance
 * already holds, with its entries.
 */
public final class SessionCache {
    private final Map<String, Integer> cache = new HashMap<>();

    public void put(String session, int user) {
        cache.put(session, user);
    }

    public void remove(String session) {
        cache.remove(session);
    }

    public Integer get(String session) {
        return cache.get(session);
    }

    public int size() {
        return cache.size();
    }

    public void clear() {
        cache.clear();
    }

    public String mapType() {
        return cache.getClass().getName();
    }
}
