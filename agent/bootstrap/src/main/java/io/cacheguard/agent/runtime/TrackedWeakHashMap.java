package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.Map;

/**
 * A {@link WeakHashMap} whose every operation the race detector sees, done by its target (which
 * holds the keys weakly). Its own state stays empty.
 */
public class TrackedWeakHashMap<K, V> extends ForwardingWeakHashMap<K, V, TrackedOps<K, V>> implements TrackedMap, GuardedMap {
    private static final long serialVersionUID = 1L;

    /** Tracks {@code target}, which keeps its entries and does all the work. */
    public TrackedWeakHashMap(Map<K, V> target, MapShadow shadow) {
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

    /** Serialized as its target, so a reader without cacheguard gets the map it expects (subclasses too). */
    protected Object writeReplace() {
        delegate.read(TrackedOps.ITERATE);
        return delegate.target;
    }
}
