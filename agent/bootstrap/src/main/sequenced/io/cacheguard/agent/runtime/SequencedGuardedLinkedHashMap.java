package io.cacheguard.agent.runtime;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The guarded {@code LinkedHashMap} for JDK 21+, where {@code LinkedHashMap} gained the
 * {@code SequencedMap} methods: without these overrides {@code putFirst} or {@code reversed()} would
 * silently run on the wrapper's own, empty table. Compiled to Java 17 bytecode against stubs, and
 * only ever loaded on JDK 21+ (see {@link GuardedMaps#linkedHashMap}).
 */
class SequencedGuardedLinkedHashMap<K, V> extends GuardedLinkedHashMap<K, V> implements SequencedMap<K, V> {
    private static final long serialVersionUID = 1L;

    private final transient LockedSequencedMap<K, V> sequenced;

    SequencedGuardedLinkedHashMap(LinkedHashMap<K, V> original) {
        super(original);
        this.sequenced = new LockedSequencedMap<>(this, (SequencedMap<K, V>) original, null);
    }

    @Override
    public SequencedMap<K, V> reversed() {
        return new LockedSequencedMap<>(this, ((SequencedMap<K, V>) delegate.map).reversed(), this);
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        return sequenced.firstEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        return sequenced.lastEntry();
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        return sequenced.pollFirstEntry();
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        return sequenced.pollLastEntry();
    }

    @Override
    public V putFirst(K k, V v) {
        return sequenced.putFirst(k, v);
    }

    @Override
    public V putLast(K k, V v) {
        return sequenced.putLast(k, v);
    }

    /** On JDK 21+ LinkedHashMap's plain views are its sequenced ones; callers may cast them. */
    @Override
    public Set<K> keySet() {
        return sequencedKeySet();
    }

    @Override
    public Collection<V> values() {
        return sequencedValues();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return sequencedEntrySet();
    }

    @Override
    public SequencedSet<K> sequencedKeySet() {
        return sequenced.sequencedKeySet();
    }

    @Override
    public SequencedCollection<V> sequencedValues() {
        return sequenced.sequencedValues();
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        return sequenced.sequencedEntrySet();
    }
}
