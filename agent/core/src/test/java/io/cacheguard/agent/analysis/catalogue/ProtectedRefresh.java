package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * A protected method that no method of the class calls ({@code refresh}: subclasses do, with no
 * lock) reaches the private helper that changes the map; the class's own call to the helper holds
 * the lock. The helper's context must meet both calls: patch. Before, a protected method without a
 * caller in the class was not walked until the lock contexts had settled, so the helper saw only the
 * locked call and the field was safe.
 */
public class ProtectedRefresh {

    @Expect(value = PATCH, reason = "when called from refresh")
    private final Map<String, Object> entries = new HashMap<>();

    public synchronized void register(String key, Object value) {
        store(key, value);
    }

    public synchronized Object lookup(String key) {
        return entries.get(key);
    }

    protected void refresh(String key) {
        store(key, key.trim());
    }

    private void store(String key, Object value) {
        entries.put(key, value);
    }
}
