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
    final MapShadow shadow;
    /** The tracked map the application holds: the identity reports name. */
    private final Object owner;

    TrackedOps(Object owner, Map<K, V> target, MapShadow shadow) {
        this.owner = owner;
        this.target = target;
        this.shadow = shadow;
    }

    void read(SiteCapture operation) {
        Detection.read(owner, shadow, operation);
    }

    void write(SiteCapture operation) {
        Detection.write(owner, shadow, operation);
    }

    @Override
    public int size() {
        read(SIZE);
        return target.size();
    }

    @Override
    public boolean isEmpty() {
        read(SIZE);
        return target.isEmpty();
    }

    @Override
    public V get(Object key) {
        read(GET);
        return target.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        read(GET);
        return target.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        read(CONTAINS);
        return target.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        read(READ_ALL);
        return target.containsValue(value);
    }

    @Override
    public V put(K key, V value) {
        write(PUT);
        return target.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        write(PUT_ALL);
        target.putAll(m);
    }

    @Override
    public V remove(Object key) {
        write(REMOVE);
        return target.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        write(REMOVE);
        return target.remove(key, value);
    }

    @Override
    public void clear() {
        write(CLEAR);
        target.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        write(PUT);
        return target.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        write(PUT);
        return target.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        write(PUT);
        return target.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        write(COMPUTE);
        return target.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        write(COMPUTE);
        return target.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        write(COMPUTE);
        return target.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        write(COMPUTE);
        return target.merge(key, value, remappingFunction);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        read(ITERATE);
        target.forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        write(COMPUTE);
        target.replaceAll(function);
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
        read(READ_ALL);
        return target.equals(o instanceof TrackedMap ? ((TrackedMap) o).target() : o);
    }

    @Override
    public int hashCode() {
        read(READ_ALL);
        return target.hashCode();
    }

    @Override
    public String toString() {
        read(READ_ALL);
        return target.toString();
    }
}
