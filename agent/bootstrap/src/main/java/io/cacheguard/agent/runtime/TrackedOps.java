package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What every tracked map does: tell the detector whether an operation reads or writes, then let
 * the target do it, unchanged. The three tracked map types forward here; their views, iterators
 * and entries report through {@link #read}/{@link #write} too, so iterating a map while another
 * thread puts is seen.
 */
final class TrackedOps<K, V> implements Map<K, V> {
    static final SiteCapture GET = Sites.of("get");
    static final SiteCapture CONTAINS = Sites.of("containsKey");
    static final SiteCapture SIZE = Sites.of("size");
    static final SiteCapture ITERATE = Sites.of("iterate");
    static final SiteCapture READ_ALL = Sites.of("read");
    static final SiteCapture PUT = Sites.of("put");
    static final SiteCapture PUT_ALL = Sites.of("putAll");
    static final SiteCapture REMOVE = Sites.of("remove");
    static final SiteCapture CLEAR = Sites.of("clear");
    static final SiteCapture COMPUTE = Sites.of("compute");
    static final SiteCapture SET_VALUE = Sites.of("setValue");

    final Map<K, V> target;
    /** The happens-before detector's state of the map; null for a map only the watch sees. */
    final MapShadow shadow;
    /** The lightweight detector's watch of this map, or null when the happens-before detector sees it. */
    private final MapWatch watch;
    /** The tracked map the application holds: the identity reports name. */
    private final Object owner;

    TrackedOps(Object owner, Map<K, V> target, MapShadow shadow) {
        this.owner = owner;
        this.target = target;
        this.shadow = shadow;
        this.watch = Watch.of(shadow.label(), shadow.patched(), AccessOrder.reorders(target));
    }

    /**
     * {@code target} seen through {@code watch} only, for a map that carries its own watch
     * ({@link GuardedHashMap}): no shadow, since the happens-before detector never sees it.
     */
    TrackedOps(Object owner, Map<K, V> target, MapWatch watch) {
        this.owner = owner;
        this.target = target;
        this.shadow = null;
        this.watch = watch;
    }

    /** A read at one point (a view's size, an iterator's step): seen, with no span of its own. */
    void read(SiteCapture operation) {
        exit(enter(false, operation), operation);
    }

    /** A write at one point, as {@link #read}. */
    void write(SiteCapture operation) {
        exit(enter(true, operation), operation);
    }

    /**
     * The start of an operation: the happens-before detector sees the access here; the watch marks
     * the map until {@link #exit}, so that another thread walking in meanwhile is seen.
     *
     * @return what {@link #exit} needs
     */
    Object enter(boolean write, SiteCapture operation) {
        MapWatch w = watch;
        if (w == null) {
            if (write) {
                Detection.write(owner, shadow, operation);
            } else {
                Detection.read(owner, shadow, operation);
            }
            return null;
        }
        return w.enter(write, operation);
    }

    /** {@link #enter} of a lookup, which changes an access-ordered map. */
    private Object enterGet() {
        MapWatch w = watch;
        return w != null && w.readsWrite ? w.enter(true, GET) : enter(false, GET);
    }

    void exit(Object token, SiteCapture operation) {
        MapWatch w = watch;
        if (w != null) {
            w.exit(token, operation, owner);
        }
    }

    @Override
    public int size() {
        Object token = enter(false, SIZE);
        try {
            return target.size();
        } finally {
            exit(token, SIZE);
        }
    }

    @Override
    public boolean isEmpty() {
        Object token = enter(false, SIZE);
        try {
            return target.isEmpty();
        } finally {
            exit(token, SIZE);
        }
    }

    @Override
    public V get(Object key) {
        Object token = enterGet();
        try {
            return target.get(key);
        } finally {
            exit(token, GET);
        }
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Object token = enterGet();
        try {
            return target.getOrDefault(key, defaultValue);
        } finally {
            exit(token, GET);
        }
    }

    @Override
    public boolean containsKey(Object key) {
        Object token = enter(false, CONTAINS);
        try {
            return target.containsKey(key);
        } finally {
            exit(token, CONTAINS);
        }
    }

    @Override
    public boolean containsValue(Object value) {
        Object token = enter(false, READ_ALL);
        try {
            return target.containsValue(value);
        } finally {
            exit(token, READ_ALL);
        }
    }

    @Override
    public V put(K key, V value) {
        Object token = enter(true, PUT);
        try {
            return target.put(key, value);
        } finally {
            exit(token, PUT);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        Object token = enter(true, PUT_ALL);
        try {
            target.putAll(m);
        } finally {
            exit(token, PUT_ALL);
        }
    }

    @Override
    public V remove(Object key) {
        Object token = enter(true, REMOVE);
        try {
            return target.remove(key);
        } finally {
            exit(token, REMOVE);
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        Object token = enter(true, REMOVE);
        try {
            return target.remove(key, value);
        } finally {
            exit(token, REMOVE);
        }
    }

    @Override
    public void clear() {
        Object token = enter(true, CLEAR);
        try {
            target.clear();
        } finally {
            exit(token, CLEAR);
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Object token = enter(true, PUT);
        try {
            return target.putIfAbsent(key, value);
        } finally {
            exit(token, PUT);
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        Object token = enter(true, PUT);
        try {
            return target.replace(key, oldValue, newValue);
        } finally {
            exit(token, PUT);
        }
    }

    @Override
    public V replace(K key, V value) {
        Object token = enter(true, PUT);
        try {
            return target.replace(key, value);
        } finally {
            exit(token, PUT);
        }
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Object token = enter(true, COMPUTE);
        try {
            return target.computeIfAbsent(key, mappingFunction);
        } finally {
            exit(token, COMPUTE);
        }
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Object token = enter(true, COMPUTE);
        try {
            return target.computeIfPresent(key, remappingFunction);
        } finally {
            exit(token, COMPUTE);
        }
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Object token = enter(true, COMPUTE);
        try {
            return target.compute(key, remappingFunction);
        } finally {
            exit(token, COMPUTE);
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Object token = enter(true, COMPUTE);
        try {
            return target.merge(key, value, remappingFunction);
        } finally {
            exit(token, COMPUTE);
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Object token = enter(false, ITERATE);
        try {
            target.forEach(action);
        } finally {
            exit(token, ITERATE);
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Object token = enter(true, COMPUTE);
        try {
            target.replaceAll(function);
        } finally {
            exit(token, COMPUTE);
        }
    }

    @Override
    public Set<K> keySet() {
        return new TrackedCollection.OfSet<>(this, target.keySet(), false);
    }

    @Override
    public Collection<V> values() {
        return new TrackedCollection<>(this, target.values(), false);
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new TrackedCollection.OfSet<>(this, target.entrySet(), true);
    }

    @Override
    public boolean equals(Object o) {
        Object token = enter(false, READ_ALL);
        try {
            return target.equals(o instanceof TrackedMap ? ((TrackedMap) o).target() : o);
        } finally {
            exit(token, READ_ALL);
        }
    }

    @Override
    public int hashCode() {
        Object token = enter(false, READ_ALL);
        try {
            return target.hashCode();
        } finally {
            exit(token, READ_ALL);
        }
    }

    @Override
    public String toString() {
        Object token = enter(false, READ_ALL);
        try {
            return target.toString();
        } finally {
            exit(token, READ_ALL);
        }
    }
}
