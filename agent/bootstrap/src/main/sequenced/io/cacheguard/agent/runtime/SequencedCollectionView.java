package io.cacheguard.agent.runtime;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SequencedCollection;
import java.util.SequencedMap;
import java.util.function.Supplier;

/**
 * A guarded map's values view seen as a {@code SequencedCollection}; {@code removeFirst} and
 * {@code removeLast} are atomic for the same reason as in {@link SequencedSetView}.
 */
final class SequencedCollectionView<K, V> extends AbstractCollection<V> implements SequencedCollection<V> {
    private final Collection<V> view;
    private final SequencedMap<K, V> map;
    private final Supplier<SequencedCollection<V>> reverse;

    SequencedCollectionView(Collection<V> view, SequencedMap<K, V> map, Supplier<SequencedCollection<V>> reverse) {
        this.view = view;
        this.map = map;
        this.reverse = reverse;
    }

    @Override
    public SequencedCollection<V> reversed() {
        return reverse.get();
    }

    @Override
    public V removeFirst() {
        return removed(map.pollFirstEntry());
    }

    @Override
    public V removeLast() {
        return removed(map.pollLastEntry());
    }

    private V removed(Map.Entry<K, V> entry) {
        if (entry == null) {
            throw new NoSuchElementException();
        }
        return entry.getValue();
    }

    @Override
    public Iterator<V> iterator() {
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
