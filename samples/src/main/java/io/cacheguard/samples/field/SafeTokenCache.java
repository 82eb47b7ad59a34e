package io.cacheguard.samples.field;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link TokenCache} with a thread-safe map; the driver's invariants must hold for it. */
public final class SafeTokenCache implements TokenIds {

    private final Map<String, Integer> cache = new ConcurrentHashMap<>();

    @Override
    public void register(String token, int id) {
        cache.put(token, id);
    }

    @Override
    public Integer idOf(String token) {
        return cache.get(token);
    }

    @Override
    public int size() {
        return cache.size();
    }

    @Override
    public Set<String> tokens() {
        return cache.keySet();
    }
}
