package io.cacheguard.agent.runtime;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A guarded map's key or entry view seen as a {@code SequencedSet}; order comes from the view's
 * iterator. {@code removeFirst} and {@code removeLast} go to the map's {@code poll*Entry}: the
 * interface's defaults (iterate, then remove) would let two threads remove and both return the
 * same element.
 */
final class SequencedSetView<K, V, E> extends AbstractSet<E> implements SequencedSet<E> {
    private final Set<E> view;
    private final SequencedMap<K, V> map;
    private final Function<Map.Entry<K, V>, E> element;
    private final Supplier<SequencedSet<E>> reverse;

    SequencedSetView(Set<E> view, SequencedMap<K, V> map, Function<Map.Entry<K, V>, E> element,
            Supplier<SequencedSet<E>> reverse) {
        this.view = view;
        this.map = map;
        this.element = element;
        this.reverse = reverse;
    }

    @Override
    public SequencedSet<E> reversed() {
        return reverse.get();
    }

    @Override
    public E removeFirst() {
        return removed(map.pollFirstEntry());
    }

    @Override
    public E removeLast() {
        return removed(map.pollLastEntry());
    }

    private E removed(Map.Entry<K, V> entry) {
        if (entry == null) {
            throw new NoSuchElementException();
        }
        return element.apply(entry);
    }

    @Override
    public Iterator<E> iterator() {
        return view.iterator();
    }

    @Override
    public int size() {
        return view.size();
    }

    @Override
    public boolean contains(Object o) {
        return view.contains(o);
    }

    @Override
    public boolean remove(Object o) {
        return view.remove(o);
    }

    @Override
    public void clear() {
        view.clear();
    }
}
