package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@link HashMap} whose every operation the race detector sees, done by its target: the original
 * map in mode {@code detect} (so the program keeps its racy behaviour, exactly as in production),
 * its guarded twin in mode {@code both}. Its own {@code HashMap} state stays empty.
 */
public class TrackedHashMap<K, V> extends ForwardingHashMap<K, V, TrackedOps<K, V>> implements TrackedMap, GuardedMap {
    private static final long serialVersionUID = 1L;

    /** Tracks {@code target}, which keeps its entries and does all the work. */
    public TrackedHashMap(Map<K, V> target, MapShadow shadow) {
        super(self -> new TrackedOps<>(self, target, shadow));
    }

    @Override
    public MapShadow shadow() {
        return delegate.shadow;
    }

    @Override
    public Object target() {
        return delegate.target;
    }

    /** A copy is a plain copy of the target: what cloning the original would have given. */
    @Override
    @SuppressWarnings("unchecked")
    public Object clone() {
        delegate.read(TrackedOps.READ_ALL);
        return delegate.target instanceof HashMap ? ((HashMap<K, V>) delegate.target).clone() : new HashMap<>(delegate.target);
    }

    /** Serialized as its target, so a reader without cacheguard gets the map it expects (subclasses too). */
    protected Object writeReplace() {
        delegate.read(TrackedOps.ITERATE);
        return delegate.target;
    }
}
