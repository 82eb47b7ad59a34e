package io.cacheguard.legacy.shapes;

import java.util.WeakHashMap;

/** A WeakHashMap subclass that adds nothing but a name: every operation is inherited. */
public class KeyedWeakCache<K, V> extends WeakHashMap<K, V> {
    private final String name;

    public KeyedWeakCache(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }
}
