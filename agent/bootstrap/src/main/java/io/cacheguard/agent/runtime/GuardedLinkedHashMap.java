package io.cacheguard.agent.runtime;

import java.util.LinkedHashMap;

/**
 * A {@link LinkedHashMap} that is safe to share between threads. It wraps the original instance
 * (an LRU subclass with its {@code removeEldestEntry}, an access-ordered map, an anonymous subclass)
 * and runs every operation on it under one monitor, so insertion or access order and eviction stay
 * exactly the original's; even {@code get}, which reorders an access-ordered map, is guarded. The
 * monitor is this map itself, so legacy code that already does {@code synchronized (cache) {...}}
 * around a compound action stays atomic with respect to every other use.
 *
 * <p>Iterators walk a snapshot and never throw {@code ConcurrentModificationException}. On JDK 21+
 * {@link GuardedMaps#linkedHashMap} returns a subclass that also guards the {@code SequencedMap}
 * methods. It serializes as a copy of the original (a plain {@code LinkedHashMap} for a plain one).
 */
public class GuardedLinkedHashMap<K, V> extends ForwardingLinkedHashMap<K, V, LockedMap<K, V, LinkedHashMap<K, V>>> implements GuardedMap {
    private static final long serialVersionUID = 1L;

    /** Guards {@code original} in place: it keeps its entries and does all the work, under this map's monitor. */
    public GuardedLinkedHashMap(LinkedHashMap<K, V> original) {
        super(self -> new LockedMap<>(self, original));
    }

    /** An independent guarded map around a clone of the original, which keeps its class and order. */
    @SuppressWarnings("unchecked")
    @Override
    public Object clone() {
        synchronized (this) {
            return GuardedMaps.linkedHashMap((LinkedHashMap<K, V>) delegate.map.clone());
        }
    }

    /** Serialized as a copy of the map it guards, which a JVM without cacheguard can read. */
    protected Object writeReplace() {
        synchronized (this) {
            return delegate.map.clone();
        }
    }
}
