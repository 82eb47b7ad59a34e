package io.cacheguard.runtime;

import java.util.AbstractCollection;
import java.util.Collection;
import java.util.Iterator;
import java.util.SequencedCollection;
import java.util.function.Supplier;

/** A guarded map's values view seen as a {@code SequencedCollection}. */
final class SequencedCollectionView<E> extends AbstractCollection<E> implements SequencedCollection<E> {
    private final Collection<E> view;
    private final Supplier<SequencedCollection<E>> reverse;

    SequencedCollectionView(Collection<E> view, Supplier<SequencedCollection<E>> reverse) {
        this.view = view;
        this.reverse = reverse;
    }

    @Override
    public SequencedCollection<E> reversed() {
        return reverse.get();
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
