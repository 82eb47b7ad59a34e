package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link LinkedHashMap} whose every operation the race detector sees, done by its target (the
 * original, with its order and {@code removeEldestEntry}, or its guarded twin). Its own state stays
 * empty. On JDK 21+ {@code Tracking} makes its subclass that forwards the {@code SequencedMap} methods.
 */
public class TrackedLinkedHashMap<K, V> extends ForwardingLinkedHashMap<K, V, TrackedOps<K, V>> implements TrackedMap, GuardedMap {
    private static final long serialVersionUID = 1L;

    /** Tracks {@code target}, which keeps its entries and does all the work. */
    public TrackedLinkedHashMap(Map<K, V> target, MapShadow shadow) {
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
        return delegate.target instanceof LinkedHashMap ? ((LinkedHashMap<K, V>) delegate.target).clone() : new LinkedHashMap<>(delegate.target);
    }

    /** Serialized as its target, so a reader without cacheguard gets the map it expects (subclasses too). */
    protected Object writeReplace() {
        delegate.read(TrackedOps.ITERATE);
        return delegate.target;
    }
}
