package io.cacheguard.samples.field;

import java.util.HashMap;
import java.util.Set;

/**
 * A cache whose field is declared as the concrete {@code HashMap}, as much legacy code does. That
 * declaration matters to the agent: a replacement must itself be a {@code HashMap}, so a plain
 * {@code ConcurrentHashMap} or synchronized wrapper cannot be stored into this field.
 *
 * <p>Deliberately wrong. The agent is meant to find {@link #cache} and make it thread-safe.
 */
public final class TokenCache implements TokenIds {

    private final HashMap<String, Integer> cache = new HashMap<>();

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
