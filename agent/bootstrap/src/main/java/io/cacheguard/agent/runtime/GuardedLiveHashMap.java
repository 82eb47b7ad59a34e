package io.cacheguard.agent.runtime;

import java.util.HashMap;

/**
 * A {@link HashMap} found live in a field of a running JVM when the agent was attached, guarded in
 * place: every operation runs on the original instance under this map's monitor. Nothing is
 * copied, because threads still inside a method that was running at the swap keep writing the
 * original (a copy taken while they write throws {@code ConcurrentModificationException} or loses
 * their entries), and every entry present at the swap stays where it is.
 *
 * <p>It is never migrated to the faster {@link GuardedHashMap}: whether an alias of the original
 * (an old frame, a reference taken before the swap) is still in use cannot be known, and a
 * migration would hide that alias's later writes. Maps stored after the attach get the fast wrapper.
 * Iterators walk a snapshot; it serializes as a copy of the original, a plain {@code HashMap}.
 */
public class GuardedLiveHashMap<K, V> extends ForwardingHashMap<K, V, LockedMap<K, V, HashMap<K, V>>> implements GuardedMap {
    private static final long serialVersionUID = 1L;

    /** Guards {@code original} in place: it keeps its entries and does all the work, under this map's monitor. */
    public GuardedLiveHashMap(HashMap<K, V> original) {
        super(self -> new LockedMap<>(self, original));
    }

    /** An independent guarded map around a clone of the original. */
    @SuppressWarnings("unchecked")
    @Override
    public Object clone() {
        synchronized (this) {
            return new GuardedLiveHashMap<>((HashMap<K, V>) delegate.map.clone());
        }
    }

    /** Serialized as a copy of the map it guards, which a JVM without cacheguard can read. */
    protected Object writeReplace() {
        synchronized (this) {
            return delegate.map.clone();
        }
    }
}
