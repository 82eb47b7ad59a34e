package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes moved into private helpers. {@code storeGuarded} is called only from synchronized methods,
 * so its put holds 'this': safe. {@code storeLeaky} is also called from {@code addQuietly}, which
 * is not synchronized: patch.
 */
public final class PrivateHelperUnderLock {

    @Expect(SAFE)
    private final Map<String, Object> guarded = new HashMap<>();

    @Expect(PATCH)
    private final Map<String, Object> leaky = new HashMap<>();

    public synchronized void add(String key, Object value) {
        storeGuarded(key, value);
        storeLeaky(key, value);
    }

    public void addQuietly(String key, Object value) {
        storeLeaky(key, value);
    }

    public synchronized Object get(String key) {
        Object value = guarded.get(key);
        return value != null ? value : leaky.get(key);
    }

    private void storeGuarded(String key, Object value) {
        guarded.put(key, value);
    }

    private void storeLeaky(String key, Object value) {
        leaky.put(key, value);
    }
}
