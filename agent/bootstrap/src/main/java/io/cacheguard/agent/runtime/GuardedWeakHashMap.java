package io.cacheguard.agent.runtime;

import java.util.WeakHashMap;

/**
 * A {@link WeakHashMap} that is safe to share between threads: it wraps the original instance,
 * which keeps its weak keys and its reference-queue cleanup, and runs every operation on it under
 * this map's monitor. Iterators walk a snapshot, which holds its keys strongly while it is used,
 * as {@code WeakHashMap}'s own iterator does for the current entry.
 */
public class GuardedWeakHashMap<K, V> extends ForwardingWeakHashMap<K, V, LockedMap<K, V, WeakHashMap<K, V>>> implements GuardedMap {

    /** Guards {@code original} in place: it keeps its entries and does all the work, under this map's monitor. */
    public GuardedWeakHashMap(WeakHashMap<K, V> original) {
        super(self -> new LockedMap<>(self, original));
    }
}
