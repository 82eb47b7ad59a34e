package io.cacheguard.legacy.shapes;

import java.util.HashMap;

/** A HashMap subclass with extra fields its own put keeps up to date. */
public class CountingHashMap<K, V> extends HashMap<K, V> {
    private static final long serialVersionUID = 1L;
    private long puts;
    private K lastKey;

    @Override
    public V put(K key, V value) {
        puts++;
        lastKey = key;
        return super.put(key, value);
    }

    public long puts() {
        return puts;
    }

    public K lastKey() {
        return lastKey;
    }
}
