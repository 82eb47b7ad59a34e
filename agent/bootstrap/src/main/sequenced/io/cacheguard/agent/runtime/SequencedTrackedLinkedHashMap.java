package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.Collection;
import java.util.Map;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The tracked {@code LinkedHashMap} for JDK 21+: the {@code SequencedMap} methods go to the target
 * too (without these overrides {@code firstEntry()} or {@code reversed()} would run on the
 * wrapper's own, empty table), each seen by the detector. The sequenced views are the target's,
 * their creation seen as a read. Compiled to Java 17 bytecode against stubs, only loaded on JDK 21+.
 */
class SequencedTrackedLinkedHashMap<K, V> extends TrackedLinkedHashMap<K, V> implements SequencedMap<K, V> {
    private static final long serialVersionUID = 1L;

    SequencedTrackedLinkedHashMap(Map<K, V> target, MapShadow shadow) {
        super(target, shadow);
    }

    @SuppressWarnings("unchecked")
    private SequencedMap<K, V> sequenced() {
        return (SequencedMap<K, V>) delegate.target;
    }

    @Override
    public SequencedMap<K, V> reversed() {
        delegate.read(TrackedOps.ITERATE);
        return sequenced().reversed();
    }

    @Override
    public Map.Entry<K, V> firstEntry() {
        delegate.read(TrackedOps.GET);
        return sequenced().firstEntry();
    }

    @Override
    public Map.Entry<K, V> lastEntry() {
        delegate.read(TrackedOps.GET);
        return sequenced().lastEntry();
    }

    @Override
    public Map.Entry<K, V> pollFirstEntry() {
        delegate.write(TrackedOps.REMOVE);
        return sequenced().pollFirstEntry();
    }

    @Override
    public Map.Entry<K, V> pollLastEntry() {
        delegate.write(TrackedOps.REMOVE);
        return sequenced().pollLastEntry();
    }

    @Override
    public V putFirst(K k, V v) {
        delegate.write(TrackedOps.PUT);
        return sequenced().putFirst(k, v);
    }

    @Override
    public V putLast(K k, V v) {
        delegate.write(TrackedOps.PUT);
        return sequenced().putLast(k, v);
    }

    @Override
    public SequencedSet<K> sequencedKeySet() {
        delegate.read(TrackedOps.ITERATE);
        return sequenced().sequencedKeySet();
    }

    @Override
    public SequencedCollection<V> sequencedValues() {
        delegate.read(TrackedOps.ITERATE);
        return sequenced().sequencedValues();
    }

    @Override
    public SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        delegate.read(TrackedOps.ITERATE);
        return sequenced().sequencedEntrySet();
    }

    /** The plain views stay tracked; on JDK 21+ callers expect them to be sequenced too. */
    @Override
    public Set<K> keySet() {
        return super.keySet();
    }

    @Override
    public Collection<V> values() {
        return super.values();
    }
}
