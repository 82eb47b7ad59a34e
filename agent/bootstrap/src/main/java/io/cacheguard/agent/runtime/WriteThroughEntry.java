package io.cacheguard.agent.runtime;

import java.util.AbstractMap;
import java.util.Map;

/**
 * An entry handed out by a concurrent map's iterator: a snapshot of the mapping whose
 * {@code setValue} writes through to the map, as {@link java.util.HashMap}'s entries do.
 */
final class WriteThroughEntry<K, V> extends AbstractMap.SimpleEntry<K, V> {
    private static final long serialVersionUID = 1L;

    private final transient Map<K, V> owner;

    WriteThroughEntry(Map<K, V> owner, K key, V value) {
        super(key, value);
        this.owner = owner;
    }

    @Override
    public V setValue(V value) {
        V previous = super.setValue(value);
        owner.put(getKey(), value);
        return previous;
    }
}
