package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anonymous LRU wrapped at birth in {@code Collections.synchronizedMap}. The only value the
 * field ever holds is a synchronized map, so callers need no lock: safe, already thread-safe.
 */
public final class SynchronizedLruCache {

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<String, Object> recent = Collections.synchronizedMap(
            new LinkedHashMap<String, Object>(16, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
                    return size() > 100;
                }
            });

    public Object get(String key) {
        return recent.get(key);
    }

    public void put(String key, Object value) {
        recent.put(key, value);
    }
}
