package io.cacheguard.agent.runtime;

import static io.cacheguard.agent.runtime.NullMask.NULL;
import static io.cacheguard.agent.runtime.NullMask.mask;
import static io.cacheguard.agent.runtime.NullMask.unmask;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A ConcurrentHashMap that accepts null keys and values and follows {@link java.util.HashMap}'s
 * rules for them, which differ from ConcurrentMap's: a key mapped to null is present for
 * {@code containsKey}, {@code getOrDefault}, {@code replace} and {@code remove(k, v)}, but absent for
 * {@code putIfAbsent}, {@code computeIfAbsent}, {@code computeIfPresent} and {@code merge}.
 *
 * <p>Every compound operation runs as one ConcurrentHashMap operation on the key's bin, so it is
 * atomic, which is the whole point of replacing the legacy map.
 */
final class NullTolerantConcurrentMap<K, V> extends AbstractMap<K, V> {
    final ConcurrentHashMap<Object, Object> table;

    NullTolerantConcurrentMap(int expectedSize) {
        this.table = new ConcurrentHashMap<>(Math.max(expectedSize, 16));
    }

    @Override
    public int size() {
        return table.size();
    }

    @Override
    public boolean isEmpty() {
        return table.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return table.containsKey(mask(key));
    }

    @Override
    public boolean containsValue(Object value) {
        return table.containsValue(mask(value));
    }

    @Override
    public V get(Object key) {
        return unmask(table.get(mask(key)));
    }

    @Override
    public V getOrDefault(Object key, V defaultValue) {
        Object v = table.get(mask(key));
        return v == null ? defaultValue : unmask(v);
    }

    @Override
    public V put(K key, V value) {
        return unmask(table.put(mask(key), mask(value)));
    }

    @Override
    public void putAll(Map<? extends K, ? extends V> m) {
        for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
            table.put(mask(e.getKey()), mask(e.getValue()));
        }
    }

    @Override
    public V remove(Object key) {
        return unmask(table.remove(mask(key)));
    }

    @Override
    public boolean remove(Object key, Object value) {
        return table.remove(mask(key), mask(value));
    }

    @Override
    public void clear() {
        table.clear();
    }

    @Override
    public V putIfAbsent(K key, V value) {
        Object current = table.get(mask(key));
        if (current != null && current != NULL) {
            return unmask(current);
        }
        Object[] previous = new Object[1];
        table.compute(mask(key), (k, old) -> {
            previous[0] = old;
            return old == null || old == NULL ? mask(value) : old;
        });
        return unmask(previous[0]);
    }

    @Override
    public boolean replace(K key, V oldValue, V newValue) {
        return table.replace(mask(key), mask(oldValue), mask(newValue));
    }

    @Override
    public V replace(K key, V value) {
        return unmask(table.replace(mask(key), mask(value)));
    }

    @Override
    public V computeIfAbsent(K key, Function<? super K, ? extends V> mappingFunction) {
        Objects.requireNonNull(mappingFunction);
        Object current = table.get(mask(key));
        if (current != null && current != NULL) {
            return unmask(current); // the common hit path takes no bin lock
        }
        Object result = table.compute(mask(key), (k, old) -> {
            if (old != null && old != NULL) {
                return old;
            }
            V computed = mappingFunction.apply(key);
            return computed == null ? old : computed; // a null result records nothing
        });
        return unmask(result);
    }

    @Override
    public V computeIfPresent(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        Object result = table.computeIfPresent(mask(key), (k, old) -> {
            if (old == NULL) {
                return old;
            }
            return remappingFunction.apply(key, unmask(old));
        });
        return unmask(result);
    }

    @Override
    public V compute(K key, BiFunction<? super K, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(remappingFunction);
        return unmask(table.compute(mask(key), (k, old) -> remappingFunction.apply(key, unmask(old))));
    }

    @Override
    public V merge(K key, V value, BiFunction<? super V, ? super V, ? extends V> remappingFunction) {
        Objects.requireNonNull(value);
        Objects.requireNonNull(remappingFunction);
        return unmask(table.compute(mask(key), (k, old) ->
                old == null || old == NULL ? value : remappingFunction.apply(unmask(old), value)));
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        Objects.requireNonNull(action);
        table.forEach((k, v) -> action.accept(unmask(k), unmask(v)));
    }

    @Override
    public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
        Objects.requireNonNull(function);
        table.replaceAll((k, v) -> mask(function.apply(unmask(k), unmask(v))));
    }

    @Override
    public Set<K> keySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<K> iterator() {
                return new Unmasking<>(table.keySet().iterator());
            }

            @Override
            public int size() {
                return table.size();
            }

            @Override
            public boolean contains(Object o) {
                return table.containsKey(mask(o));
            }

            @Override
            public boolean remove(Object o) {
                return table.remove(mask(o)) != null;
            }

            @Override
            public void clear() {
                table.clear();
            }
        };
    }

    @Override
    public Collection<V> values() {
        return new AbstractCollection<>() {
            @Override
            public Iterator<V> iterator() {
                return new Unmasking<>(table.values().iterator());
            }

            @Override
            public int size() {
                return table.size();
            }

            @Override
            public boolean contains(Object o) {
                return table.containsValue(mask(o));
            }

            @Override
            public void clear() {
                table.clear();
            }
        };
    }

    @Override
    public Set<Map.Entry<K, V>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<K, V>> iterator() {
                Iterator<Map.Entry<Object, Object>> raw = table.entrySet().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return raw.hasNext();
                    }

                    @Override
                    public Map.Entry<K, V> next() {
                        Map.Entry<Object, Object> e = raw.next();
                        return new WriteThroughEntry<>(NullTolerantConcurrentMap.this,
                                unmask(e.getKey()), unmask(e.getValue()));
                    }

                    @Override
                    public void remove() {
                        raw.remove();
                    }
                };
            }

            @Override
            public int size() {
                return table.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof Map.Entry)) {
                    return false;
                }
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                Object v = table.get(mask(e.getKey()));
                return v != null && Objects.equals(unmask(v), e.getValue());
            }

            @Override
            public boolean remove(Object o) {
                if (!(o instanceof Map.Entry)) {
                    return false;
                }
                Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
                return table.remove(mask(e.getKey()), mask(e.getValue()));
            }

            @Override
            public void clear() {
                table.clear();
            }
        };
    }

    /** A copy with the same mappings and no shared state. */
    NullTolerantConcurrentMap<K, V> copy() {
        NullTolerantConcurrentMap<K, V> copy = new NullTolerantConcurrentMap<>(table.size());
        copy.table.putAll(table);
        return copy;
    }

    private static final class Unmasking<T> implements Iterator<T> {
        private final Iterator<Object> raw;

        Unmasking(Iterator<Object> raw) {
            this.raw = raw;
        }

        @Override
        public boolean hasNext() {
            return raw.hasNext();
        }

        @Override
        public T next() {
            return unmask(raw.next());
        }

        @Override
        public void remove() {
            raw.remove();
        }
    }
}
