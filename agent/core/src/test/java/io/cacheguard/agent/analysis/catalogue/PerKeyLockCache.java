package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * "Fine-grained locking" by the key the caller passes: every access is inside a synchronized block,
 * but two threads with different keys hold different monitors and change the map at once. A lock
 * that is a parameter names no monitor all accesses share: patch.
 */
public final class PerKeyLockCache {

    @Expect(PATCH)
    private final Map<String, Integer> cache = new HashMap<>();

    public int lengthOf(String key) {
        synchronized (key) {
            return cache.computeIfAbsent(key, String::length);
        }
    }

    public void forget(String key) {
        synchronized (key) {
            cache.remove(key);
        }
    }
}
