package io.cacheguard.agent.runtime;

import java.util.LinkedHashMap;
import java.util.Map;

/** The LinkedHashMap caches legacy code writes: an anonymous access-ordered subclass that evicts its eldest entry. */
final class LruMaps {
    private LruMaps() {
    }

    /** Static, so the anonymous class captures no test instance and can be serialized on its own. */
    static <K, V> LinkedHashMap<K, V> lru(int capacity) {
        return new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }
}
