package io.cacheguard.agent.runtime;

import java.util.Collection;
import java.util.WeakHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A {@link WeakHashMap} that is safe to share between threads: it wraps the original instance,
 * which keeps its weak keys and its reference-queue cleanup, and runs every operation on it under
 * this map's monitor. Iterators walk a snapshot, which holds its keys strongly while it is used,
 * as {@code WeakHashMap}'s own iterator does for the current entry.
 */
public class GuardedWeakHashMap<K, V> extends WeakHashMap<K, V> implements GuardedMap {

    final transient LockedMap<K, V, WeakHashMap<K, V>> locked;

    /** Guards {@code original} in place: it keeps its entries and does all the work, under this map's monitor. */
    public GuardedWeakHashMap(WeakHashMap<K, V> original) {
        super();
        this.locked = new LockedMap<>(this, original);
    }

    @Override
    public int size() {
        return locked.size();
    }

    @Override
    public boolean isEmpty() {
        return locked.isEmpty();
    }

    @Override
    public V get(Object key) {
        return locked.get(key);
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        return locked.getOrDefault(key, defaultValue);
    }

    @Override
    public boolean containsKey(Object key) {
        return locked.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return locked.containsValue(value);
    }

    @Override
    public V put(K key, V value) {
        return locked.put(key, value);
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        locked.putAll(m);
    }

    @Override
    public V remove(Object key) {
        return locked.remove(key);
    }

    @Override
    public boolean remove(Object key, Object value) {
        return locked.remove(key, value);
    }

    @Override
    public void clear() {
        locked.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        return locked.putIfAbsent(key, value);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return locked.replace(key, oldValue, newValue);
    }

    @Override
    public V replace(K key, V value) {
        return locked.replace(key, value);
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        return locked.computeIfAbsent(key, mappingFunction);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return locked.computeIfPresent(key, remappingFunction);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        return locked.compute(key, remappingFunction);
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        return locked.merge(key, value, remappingFunction);
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        locked.forEach(action);
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        locked.replaceAll(function);
    }

    @Override
    public Set<K> keySet() {
        return locked.keySet();
    }

    @Override
    public Collection<V> values() {
        return locked.values();
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return locked.entrySet();
    }

    @Override
    public boolean equals(Object o) {
        return o == this || locked.equals(o);
    }

    @Override
    public int hashCode() {
        return locked.hashCode();
    }

    @Override
    public String toString() {
        return locked.toString();
    }
}
