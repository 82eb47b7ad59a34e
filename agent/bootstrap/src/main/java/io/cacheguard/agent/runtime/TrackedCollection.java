package io.cacheguard.agent.runtime;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.Spliterator;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A view of a tracked map ({@code keySet}, {@code values}, {@code entrySet}): reading it reads the
 * map, removing through it writes the map, and {@code setValue} on one of its entries writes too.
 */
class TrackedCollection<E> implements Collection<E> {
    private final TrackedOps<?, ?> map;
    private final Collection<E> view;
    /** Whether the elements are the map's entries, whose {@code setValue} writes the map. */
    private final boolean entries;

    TrackedCollection(TrackedOps<?, ?> map, Collection<E> view, boolean entries) {
        this.map = map;
        this.view = view;
        this.entries = entries;
    }

    /** A set view. */
    static final class OfSet<E> extends TrackedCollection<E> implements Set<E> {
        OfSet(TrackedOps<?, ?> map, Set<E> view, boolean entries) {
            super(map, view, entries);
        }
    }

    @Override
    public int size() {
        map.read(TrackedOps.SIZE);
        return view.size();
    }

    @Override
    public boolean isEmpty() {
        map.read(TrackedOps.SIZE);
        return view.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        map.read(TrackedOps.CONTAINS);
        return view.contains(o);
    }

    @Override
    public boolean containsAll(Collection<?> c) {
        map.read(TrackedOps.CONTAINS);
        return view.containsAll(c);
    }

    @Override
    public Object[] toArray() {
        map.read(TrackedOps.ITERATE);
        return view.toArray();
    }

    @Override
    public <T> T[] toArray(T[] a) {
        map.read(TrackedOps.ITERATE);
        return view.toArray(a);
    }

    @Override
    public Iterator<E> iterator() {
        map.read(TrackedOps.ITERATE);
        Iterator<E> iterator = view.iterator();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                map.read(TrackedOps.ITERATE);
                return iterator.hasNext();
            }

            @Override
            public E next() {
                map.read(TrackedOps.ITERATE);
                return tracked(iterator.next());
            }

            @Override
            public void remove() {
                map.write(TrackedOps.REMOVE);
                iterator.remove();
            }
        };
    }

    @Override
    public Spliterator<E> spliterator() {
        map.read(TrackedOps.ITERATE);
        return view.spliterator();
    }

    @Override
    public void forEach(Consumer<? super E> action) {
        map.read(TrackedOps.ITERATE);
        view.forEach(element -> action.accept(tracked(element)));
    }

    @Override
    public boolean add(E e) {
        map.write(TrackedOps.PUT);
        return view.add(e);
    }

    @Override
    public boolean addAll(Collection<? extends E> c) {
        map.write(TrackedOps.PUT_ALL);
        return view.addAll(c);
    }

    @Override
    public boolean remove(Object o) {
        map.write(TrackedOps.REMOVE);
        return view.remove(o);
    }

    @Override
    public boolean removeAll(Collection<?> c) {
        map.write(TrackedOps.REMOVE);
        return view.removeAll(c);
    }

    @Override
    public boolean retainAll(Collection<?> c) {
        map.write(TrackedOps.REMOVE);
        return view.retainAll(c);
    }

    @Override
    public boolean removeIf(Predicate<? super E> filter) {
        map.write(TrackedOps.REMOVE);
        return view.removeIf(filter);
    }

    @Override
    public void clear() {
        map.write(TrackedOps.CLEAR);
        view.clear();
    }

    @Override
    public boolean equals(Object o) {
        if (o == this) {
            return true;
        }
        map.read(TrackedOps.READ_ALL);
        return view.equals(o instanceof TrackedCollection ? ((TrackedCollection<?>) o).view : o);
    }

    @Override
    public int hashCode() {
        map.read(TrackedOps.READ_ALL);
        return view.hashCode();
    }

    @Override
    public String toString() {
        map.read(TrackedOps.READ_ALL);
        return view.toString();
    }

    @SuppressWarnings("unchecked")
    private E tracked(E element) {
        return entries ? (E) new TrackedEntry<>(map, (Map.Entry<Object, Object>) element) : element;
    }

    /** An entry of a tracked map: {@code setValue} writes the map. */
    private static final class TrackedEntry<K, V> implements Map.Entry<K, V> {
        private final TrackedOps<?, ?> map;
        private final Map.Entry<K, V> entry;

        TrackedEntry(TrackedOps<?, ?> map, Map.Entry<K, V> entry) {
            this.map = map;
            this.entry = entry;
        }

        @Override
        public K getKey() {
            return entry.getKey();
        }

        @Override
        public V getValue() {
            return entry.getValue();
        }

        @Override
        public V setValue(V value) {
            map.write(TrackedOps.SET_VALUE);
            return entry.setValue(value);
        }

        @Override
        public boolean equals(Object o) {
            return entry.equals(o instanceof TrackedEntry ? ((TrackedEntry<?, ?>) o).entry : o);
        }

        @Override
        public int hashCode() {
            return entry.hashCode();
        }

        @Override
        public String toString() {
            return entry.toString();
        }
    }
}
