package io.cacheguard.runtime;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Set;
import java.util.SequencedSet;
import java.util.function.Supplier;

/** A guarded map's key or entry view seen as a {@code SequencedSet}; order comes from the view's iterator. */
final class SequencedSetView<E> extends AbstractSet<E> implements SequencedSet<E> {
    private final Set<E> view;
    private final Supplier<SequencedSet<E>> reverse;

    SequencedSetView(Set<E> view, Supplier<SequencedSet<E>> reverse) {
        this.view = view;
        this.reverse = reverse;
    }

    @Override
    public SequencedSet<E> reversed() {
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
