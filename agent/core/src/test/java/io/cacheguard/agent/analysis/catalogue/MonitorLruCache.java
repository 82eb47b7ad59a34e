package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anonymous access-ordered LRU with get and put both synchronized. A get reorders the map, a
 * write, but under the same monitor as every other access: safe.
 */
public final class MonitorLruCache {
    private static final int MAX_ENTRIES = 128;

    @Expect(SAFE)
    private final Map<String, Object> entries = new LinkedHashMap<>(MAX_ENTRIES, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public synchronized Object get(String key) {
        return entries.get(key);
    }

    public synchronized void put(String key, Object value) {
        entries.put(key, value);
    }
}
