package io.cacheguard.agent.runtime;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link HashMap} that is safe to share between threads: what a racy {@code HashMap} cache field
 * holds after cacheguard patched it. It is still a {@code HashMap}, so a field or a cast declared
 * with that type keeps working, but every public method goes to a ConcurrentHashMap-backed store
 * (null keys and values kept, compound operations atomic, iterators weakly consistent and never
 * throwing {@code ConcurrentModificationException}).
 *
 * <p>The inherited table stays empty: the constructors call {@code super()}, never
 * {@code HashMap(Map)}, which would fill a table nobody reads. A test asserts by reflection that
 * every public method of {@code HashMap} is overridden here, so none can reach that empty table.
 *
 * <p>It serializes as a plain {@code HashMap}, so a JVM without cacheguard reads it back.
 *
 * <p>In the default mode the lightweight detector watches it from inside ({@link #watch}): a lookup
 * looks at the watch's mark, a write marks it, and nothing stands between the field and the table.
 * The happens-before detector, which needs every operation of every map, wraps it in a
 * {@link TrackedHashMap} instead.
 */
public class GuardedHashMap<K, V> extends HashMap<K, V> implements GuardedMap {
    private static final long serialVersionUID = 1L;

    private final transient Map<K, V> store;
    /**
     * The unbounded store's table, or null when bounded: {@code get} and {@code put} go to it
     * directly, one dependent load fewer on the hottest paths (measured in bench/MapThroughput).
     */
    private final transient ConcurrentHashMap<Object, Object> table;
    /**
     * The lightweight detector's watch of this map, or null when not watched. When set, {@link #store}
     * is the raw store seen through the watch ({@link TrackedOps}), so that every operation but the
     * direct lookups and puts below, views and iterators included, is watched there.
     */
    private final transient MapWatch watch;

    public GuardedHashMap() {
        this(CacheBounds.NONE);
    }

    public GuardedHashMap(CacheBounds bounds) {
        this((MapWatch) null, newStore(bounds, 16));
    }

    /** Guards a copy of {@code contents}; used when a legacy map is swapped out. */
    public GuardedHashMap(Map<? extends K, ? extends V> contents, CacheBounds bounds) {
        this(contents, bounds, (MapWatch) null);
    }

    /** Guards a copy of {@code contents}, watched by {@code watch} (the lightweight detector) unless null. */
    GuardedHashMap(Map<? extends K, ? extends V> contents, CacheBounds bounds, MapWatch watch) {
        this(watch, filled(newStore(bounds, contents.size()), contents));
    }

    private GuardedHashMap(MapWatch watch, Map<K, V> raw) {
        this.table = raw instanceof NullTolerantConcurrentMap ? ((NullTolerantConcurrentMap<K, V>) raw).table : null;
        this.watch = watch;
        this.store = watch == null ? raw : new TrackedOps<>(this, raw, watch);
    }

    private static <K, V> Map<K, V> filled(Map<K, V> store, Map<? extends K, ? extends V> contents) {
        store.putAll(contents);
        return store;
    }

    private static <K, V> Map<K, V> newStore(CacheBounds bounds, int expectedSize) {
        return bounds.isUnbounded()
                ? new NullTolerantConcurrentMap<>(expectedSize)
                : new BoundedConcurrentMap<>(bounds);
    }

    @Override
    public int size() {
        return store.size();
    }

    @Override
    public boolean isEmpty() {
        return store.isEmpty();
    }

    @Override
    public V get(Object key) {
        ConcurrentHashMap<Object, Object> direct = table;
        if (direct == null) {
            return store.get(key);
        }
        MapWatch w = watch;
        if (w != null) {
            w.lookUp(TrackedOps.GET);
        }
        return NullMask.unmask(direct.get(NullMask.mask(key)));
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return store.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        ConcurrentHashMap<Object, Object> direct = table;
        if (direct == null) {
            return store.containsKey(key);
        }
        MapWatch w = watch;
        if (w != null) {
            w.lookUp(TrackedOps.CONTAINS);
        }
        return direct.containsKey(NullMask.mask(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return store.containsValue(value);
    }

    @Override
    public V put(K key, V value) {
        ConcurrentHashMap<Object, Object> direct = table;
        if (direct == null) {
            return store.put(key, value);
        }
        MapWatch w = watch;
        if (w == null) {
            return NullMask.unmask(direct.put(NullMask.mask(key), NullMask.mask(value)));
        }
        Object token = w.enter(true, TrackedOps.PUT);
        try {
            return NullMask.unmask(direct.put(NullMask.mask(key), NullMask.mask(value)));
        } finally {
            w.exit(token, TrackedOps.PUT, this);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        store.putAll(m);
    }

    @Override
    public V remove(Object key) {
        return store.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return store.remove(key, value);
    }

    @Override
    public void clear() {
        store.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return store.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return store.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return store.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return store.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return store.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return store.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return store.merge(key, value, remappingFunction);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        store.forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        store.replaceAll(function);
    }

    @Override
    public Set<K> keySet() {
        return store.keySet();
    }

    @Override
    public Collection<V> values() {
        return store.values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return store.entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || store.equals(o);
    }

    @Override
    public int hashCode() {
        return store.hashCode();
    }

    @Override
    public String toString() {
        return MapText.of(store.entrySet(), this, store);
    }

    /**
     * An independent guarded map with the same mappings and bounds, watched for the same field: a
     * clone the program stores back (copy-on-write) arrives in the field already guarded and is kept
     * as it is, so it must bring its watch along.
     */
    @Override
    public Object clone() {
        MapWatch w = watch;
        Map<K, V> raw = store;
        if (w != null) {
            TrackedOps<K, V> watched = (TrackedOps<K, V>) store;
            watched.read(TrackedOps.READ_ALL);
            raw = watched.target;
        }
        Map<K, V> copy = raw instanceof BoundedConcurrentMap
                ? ((BoundedConcurrentMap<K, V>) raw).copy()
                : ((NullTolerantConcurrentMap<K, V>) raw).copy();
        return new GuardedHashMap<>(w == null ? null : new MapWatch(w.field, false), copy);
    }

    /** Serialized as the plain {@code HashMap} it stands for. */
    protected Object writeReplace() {
        return new HashMap<>(store);
    }
}
