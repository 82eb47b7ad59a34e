package java.util;

/** Compile-time stand-in for the JDK 21 interface; see SequencedCollection. */
public interface SequencedMap<K, V> extends Map<K, V> {
    SequencedMap<K, V> reversed();

    default Map.Entry<K, V> firstEntry() {
        throw new UnsupportedOperationException();
    }

    default Map.Entry<K, V> lastEntry() {
        throw new UnsupportedOperationException();
    }

    default Map.Entry<K, V> pollFirstEntry() {
        throw new UnsupportedOperationException();
    }

    default Map.Entry<K, V> pollLastEntry() {
        throw new UnsupportedOperationException();
    }

    default V putFirst(K k, V v) {
        throw new UnsupportedOperationException();
    }

    default V putLast(K k, V v) {
        throw new UnsupportedOperationException();
    }

    default SequencedSet<K> sequencedKeySet() {
        throw new UnsupportedOperationException();
    }

    default SequencedCollection<V> sequencedValues() {
        throw new UnsupportedOperationException();
    }

    default SequencedSet<Map.Entry<K, V>> sequencedEntrySet() {
        throw new UnsupportedOperationException();
    }
}
