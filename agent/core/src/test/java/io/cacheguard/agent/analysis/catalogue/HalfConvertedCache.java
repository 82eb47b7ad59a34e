package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Half of a migration to ConcurrentHashMap: the constructor was converted, {@code reset} still
 * assigns a HashMap. Not every value is thread-safe, and after a reset the unlocked puts hit a
 * HashMap: patch.
 */
public final class HalfConvertedCache {

    @Expect(PATCH)
    private Map<String, Object> cache;

    public HalfConvertedCache() {
        cache = new ConcurrentHashMap<>();
    }

    public Object get(String key) {
        return cache.get(key);
    }

    public void put(String key, Object value) {
        cache.put(key, value);
    }

    public void reset() {
        cache = new HashMap<>();
    }
}
