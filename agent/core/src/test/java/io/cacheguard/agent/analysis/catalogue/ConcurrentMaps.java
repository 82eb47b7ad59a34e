package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The maps of java.util.concurrent, used from any thread without a lock. Declared as a concurrent
 * type, or declared Map but only ever assigned a concurrent map, they are already thread-safe: safe.
 */
public final class ConcurrentMaps {

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final ConcurrentHashMap<String, Object> byId = new ConcurrentHashMap<>();

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final ConcurrentMap<String, Object> byName = new ConcurrentHashMap<>();

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final ConcurrentSkipListMap<String, Object> sorted = new ConcurrentSkipListMap<>();

    @Expect(value = SAFE, reason = "thread-safe map type")
    private final ConcurrentNavigableMap<Long, Object> timeline = new ConcurrentSkipListMap<>();

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<String, Object> byAlias = new ConcurrentHashMap<>();

    @Expect(value = SAFE, reason = "thread-safe")
    private final Map<Long, Object> byTime = new ConcurrentSkipListMap<>();

    public void add(String id, String name, String alias, long time, Object value) {
        byId.put(id, value);
        byName.putIfAbsent(name, value);
        sorted.put(name, value);
        timeline.put(time, value);
        byAlias.put(alias, value);
        byTime.put(time, value);
    }

    public Object find(String key) {
        Object value = byId.get(key);
        if (value == null) {
            value = byName.get(key);
        }
        if (value == null) {
            value = byAlias.get(key);
        }
        return value;
    }

    public void forget(String id, String name, long time) {
        byId.remove(id);
        byName.remove(name);
        sorted.remove(name);
        timeline.remove(time);
        byTime.remove(time);
    }
}
