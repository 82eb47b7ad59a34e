package java.util;

/** Compile-time stand-in for the JDK 21 interface; see SequencedCollection. */
public interface SequencedSet<E> extends SequencedCollection<E>, Set<E> {
    @Override
    SequencedSet<E> reversed();
}
