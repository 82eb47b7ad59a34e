package io.cacheguard.agent.runtime;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * A {@code SequencedMap} (a guarded map's reversed view, or its sequenced operations) whose every
 * operation runs under the guarded map's monitor.
 */
final class LockedSequencedMap<K, V> extends LockedMap<K, V, SequencedMap<K, V>> implements SequencedMap<K, V> {
    /** What {@link #reversed()} answers: the guarded map this is the reverse of, or null to build one. */
    private final SequencedMap<K, V> reverse;

    LockedSequencedMap(Object lock, SequencedMap<K, V> map, SequencedMap<K, V> reverse) {
        super(lock, map);
        this.reverse = reverse;
    }

    @Override
    public SequencedMap<K, V> reversed() {
        if (reverse != null) {
            return reverse;
        }
        synchronized (lock) {
            return new LockedSequencedMap<>(lock, map.reversed(), this);
        }
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        synchronized (lock) {
            return frozen(map.firstEntry());
        }
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        synchronized (lock) {
            return frozen(map.lastEntry());
        }
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        synchronized (lock) {
            return frozen(map.pollFirstEntry());
        }
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        synchronized (lock) {
            return frozen(map.pollLastEntry());
        }
    }

    @Override
    public V putFirst(K k, V v) {
        synchronized (lock) {
            return map.putFirst(k, v);
        }
    }

    @Override
    public V putLast(K k, V v) {
        synchronized (lock) {
            return map.putLast(k, v);
        }
    }

    /** As on the JDK's map, the plain views are the sequenced ones. */
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
        return new SequencedSetView<>(super.keySet(), this, Map.Entry::getKey, () -> reversed().sequencedKeySet());
    }

    @Override
    public SequencedCollection<V> sequencedValues() {
        return new SequencedCollectionView<>(super.values(), this, () -> reversed().sequencedValues());
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        return new SequencedSetView<>(super.entrySet(), this, e -> e, () -> reversed().sequencedEntrySet());
    }

    /** An unmodifiable copy, as the JDK returns from these methods, readable outside the lock. */
    private static <K, V> Map.Entry<K, V> frozen(Map.Entry<K, V> e) {
        return e == null ? null : new AbstractMap.SimpleImmutableEntry<>(e);
    }
}
