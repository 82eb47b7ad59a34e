package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.Collection;
import java.util.WeakHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link WeakHashMap} whose every operation the race detector sees, done by its target (which
 * holds the keys weakly). Its own state stays empty.
 */
public class TrackedWeakHashMap<K, V> extends WeakHashMap<K, V> implements TrackedMap, GuardedMap {
    private static final long serialVersionUID = 1L;

    final transient TrackedOps<K, V> ops;

    /** Tracks {@code target}, which keeps its entries and does all the work. */
    public TrackedWeakHashMap(Map<K, V> target, MapShadow shadow) {
        super(1);
        this.ops = new TrackedOps<>(this, target, shadow);
    }

    @Override
    public MapShadow shadow() {
        return ops.shadow;
    }

    @Override
    public Object target() {
        return ops.target;
    }

    @Override
    public int size() {
        return ops.size();
    }

    @Override
    public boolean isEmpty() {
        return ops.isEmpty();
    }

    @Override
    public V get(Object key) {
        return ops.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return ops.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return ops.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return ops.containsValue(value);
    }

    @Override
    public V put(K key, V value) {
        return ops.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        ops.putAll(m);
    }

    @Override
    public V remove(Object key) {
        return ops.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return ops.remove(key, value);
    }

    @Override
    public void clear() {
        ops.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return ops.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return ops.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return ops.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return ops.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return ops.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return ops.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return ops.merge(key, value, remappingFunction);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        ops.forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        ops.replaceAll(function);
    }

    @Override
    public Set<K> keySet() {
        return ops.keySet();
    }

    @Override
    public Collection<V> values() {
        return ops.values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return ops.entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return ops.equals(o);
    }

    @Override
    public int hashCode() {
        return ops.hashCode();
    }

    @Override
    public String toString() {
        return ops.toString();
    }

    /** Serialized as its target, so a reader without cacheguard gets the map it expects (subclasses too). */
    protected Object writeReplace() {
        ops.read(TrackedOps.ITERATE);
        return ops.target;
    }
}
