package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Issue 14 item 2: a field declared {@code Map} whose every store comes from a method declared to
 * return a {@code ConcurrentMap} (a builder's {@code build()}, as Guava's {@code MapMaker.makeMap()})
 * holds a thread-safe map whoever builds it: safe. One that a plain {@code Map} factory fills stays
 * racy: patch. Before, both were patch.
 */
public final class BuiltConcurrentMaps {

    /** A builder in the style of Guava's MapMaker: its result type says it is concurrent. */
    static final class CacheBuilder {
        private int concurrency = 4;

        CacheBuilder concurrencyLevel(int level) {
            concurrency = level;
            return this;
        }

        <K, V> ConcurrentMap<K, V> build() {
            return new ConcurrentHashMap<>(16, 0.75f, concurrency);
        }

        <K, V> Map<K, V> buildPlain() {
            return new HashMap<>();
        }
    }

    @Expect(value = SAFE, reason = "declared to return a thread-safe map")
    private final Map<String, Object> templates = new CacheBuilder().concurrencyLevel(8).build();

    @Expect(value = PATCH, reason = "holds no lock")
    private final Map<String, Object> plain = new CacheBuilder().buildPlain();

    public Object lookup(String key) {
        Object value = templates.get(key);
        if (value == null) {
            value = key.trim();
            templates.put(key, value);
            plain.put(key, value);
        }
        return value;
    }
}
