package java.util;

/**
 * Compile-time stand-in for the JDK 21 interface, so that the JDK 21+ overrides of the guarded
 * LinkedHashMap compile on a JDK 17 build. Never packaged: javac runs with -implicit:none.
 * Which methods are abstract and which default must match the real interface.
 */
public interface SequencedCollection<E> extends Collection<E> {
    SequencedCollection<E> reversed();

    default void addFirst(E e) {
        throw new UnsupportedOperationException();
    }

    default void addLast(E e) {
        throw new UnsupportedOperationException();
    }

    default E getFirst() {
        throw new UnsupportedOperationException();
    }

    default E getLast() {
        throw new UnsupportedOperationException();
    }

    default E removeFirst() {
        throw new UnsupportedOperationException();
    }

    default E removeLast() {
        throw new UnsupportedOperationException();
    }
}
