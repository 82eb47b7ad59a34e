package io.cacheguard.agent.runtime;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs every operation of a map that cannot be made concurrent (a {@code LinkedHashMap} whose
 * order or {@code removeEldestEntry} matters, a {@code WeakHashMap}) under one monitor.
 *
 * <p>Unlike {@code Collections.synchronizedMap}, iteration needs no lock held by the caller:
 * an iterator walks a snapshot of the entries taken under the lock, so it never throws
 * {@code ConcurrentModificationException}; its {@code remove} and its entries' {@code setValue}
 * go back to the map under the lock. The original map keeps doing all the work, so its iteration
 * order, access order and eviction policy are exactly what they were.
 *
 * @param <M> the type of the guarded map, so that callers can reach its own methods under the lock
 */
class LockedMap<K, V, M extends Map<K, V>> extends AbstractMap<K, V> {
    final Object lock;
    final M map;

    LockedMap(Object lock, M map) {
        this.lock = Objects.requireNonNull(lock, "lock");
        this.map = Objects.requireNonNull(map, "map");
    }

    @Override
    public int size() {
        synchronized (lock) {
            return map.size();
        }
    }

    @Override
    public boolean isEmpty() {
        synchronized (lock) {
            return map.isEmpty();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (lock) {
            return map.containsKey(key);
        }
    }

    @Override
    public boolean containsValue(Object value) {
        synchronized (lock) {
            return map.containsValue(value);
        }
    }

    @Override
    public V get(Object key) {
        synchronized (lock) {
            return map.get(key);
        }
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        synchronized (lock) {
            return map.getOrDefault(key, defaultValue);
        }
    }

    @Override
    public V put(K key, V value) {
        synchronized (lock) {
            return map.put(key, value);
        }
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        synchronized (lock) {
            map.putAll(m);
        }
    }

    @Override
    public V remove(Object key) {
        synchronized (lock) {
            return map.remove(key);
        }
    }

    @Override
    public boolean remove(Object key, Object value) {
        synchronized (lock) {
            return map.remove(key, value);
        }
    }

    @Override
    public void clear() {
        synchronized (lock) {
            map.clear();
        }
    }

    @Override
    public V putIfAbsent(K key, V value) {
        synchronized (lock) {
            return map.putIfAbsent(key, value);
        }
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        synchronized (lock) {
            return map.replace(key, oldValue, newValue);
        }
    }

    @Override
    public V replace(K key, V value) {
        synchronized (lock) {
            return map.replace(key, value);
        }
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        synchronized (lock) {
            return map.computeIfAbsent(key, mappingFunction);
        }
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        synchronized (lock) {
            return map.computeIfPresent(key, remappingFunction);
        }
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        synchronized (lock) {
            return map.compute(key, remappingFunction);
        }
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        synchronized (lock) {
            return map.merge(key, value, remappingFunction);
        }
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        synchronized (lock) {
            map.forEach(action);
        }
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        synchronized (lock) {
            map.replaceAll(function);
        }
    }

    /**
     * Compared on a snapshot taken under the lock, outside it: two guarded maps compared with each
     * other from two threads in opposite order would otherwise deadlock on each other's monitors.
     */
    @Override
    public boolean equals(Object o) {
        if (o == this || o == lock) { // the wrapper this map works for is equal to itself
            return true;
        }
        Map<K, V> snapshot;
        synchronized (lock) {
            snapshot = new HashMap<>(map);
        }
        return snapshot.equals(o);
    }

    @Override
    public int hashCode() {
        synchronized (lock) {
            return map.hashCode();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return MapText.of(map.entrySet(), lock, map, this);
        }
    }

    /** The live entries, in the map's order, copied under the lock with their values of that moment. */
    List<LockedEntry<K, V>> snapshot() {
        synchronized (lock) {
            List<LockedEntry<K, V>> entries = new ArrayList<>(map.size());
            for (Map.Entry<K, V> e : map.entrySet()) {
                entries.add(new LockedEntry<>(lock, e));
            }
            return entries;
        }
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new SnapshotIterator<>(LockedMap.this, LockedEntry::getKey);
            }

            @Override
            public int size() {
                return LockedMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsKey(o);
            }

            @Override
            public boolean remove(Object o) {
                synchronized (lock) {
                    return map.keySet().remove(o);
                }
            }

            @Override
            public void clear() {
                LockedMap.this.clear();
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new SnapshotIterator<>(LockedMap.this, LockedEntry::getValue);
            }

            @Override
            public int size() {
                return LockedMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                return containsValue(o);
            }

            @Override
            public boolean remove(Object o) {
                synchronized (lock) {
                    return map.values().remove(o);
                }
            }

            @Override
            public void clear() {
                LockedMap.this.clear();
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                return new SnapshotIterator<>(LockedMap.this, e -> e);
            }

            @Override
            public int size() {
                return LockedMap.this.size();
            }

            @Override
            public boolean contains(Object o) {
                synchronized (lock) {
                    return map.entrySet().contains(o);
                }
            }

            @Override
            public boolean remove(Object o) {
                synchronized (lock) {
                    return map.entrySet().remove(o);
                }
            }

            @Override
            public void clear() {
                LockedMap.this.clear();
            }
        };
    }

    /** An iterator over a snapshot whose {@code remove} deletes the mapping from the live map. */
    static final class SnapshotIterator<K, V, T> implements Iterator<T> {
        private final LockedMap<K, V, ?> owner;
        private final Iterator<LockedEntry<K, V>> entries;
        private final Function<LockedEntry<K, V>, T> projection;
        private LockedEntry<K, V> last;

        SnapshotIterator(LockedMap<K, V, ?> owner, Function<LockedEntry<K, V>, T> projection) {
            this.owner = owner;
            this.entries = owner.snapshot().iterator();
            this.projection = projection;
        }

        @Override
        public boolean hasNext() {
            return entries.hasNext();
        }

        @Override
        public T next() {
            if (!entries.hasNext()) {
                throw new NoSuchElementException();
            }
            last = entries.next();
            return projection.apply(last);
        }

        @Override
        public void remove() {
            if (last == null) {
                throw new IllegalStateException("next() was not called, or remove() was already called");
            }
            synchronized (owner.lock) {
                // keySet().remove, not map.remove: it is no "access" for an access-ordered map.
                owner.map.keySet().remove(last.getKey());
            }
            last = null;
        }
    }

    /**
     * An entry of a snapshot. It holds the map's own entry, so {@code setValue} changes the live
     * mapping exactly as the original map's entry would (no access-order move, no re-insertion).
     */
    static final class LockedEntry<K, V> implements Map.Entry<K, V> {
        private final Object lock;
        private final Map.Entry<K, V> live;
        private final K key;
        private V value;

        LockedEntry(Object lock, Map.Entry<K, V> live) {
            this.lock = lock;
            this.live = live;
            this.key = live.getKey();
            this.value = live.getValue();
        }

        @Override
        public K getKey() {
            return key;
        }

        @Override
        public V getValue() {
            return value;
        }

        @Override
        public V setValue(V newValue) {
            synchronized (lock) {
                live.setValue(newValue);
            }
            V previous = value;
            value = newValue;
            return previous;
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Map.Entry)) {
                return false;
            }
            Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
            return Objects.equals(key, e.getKey()) && Objects.equals(value, e.getValue());
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(key) ^ Objects.hashCode(value);
        }

        @Override
        public String toString() {
            return key + "=" + value;
        }
    }
}
