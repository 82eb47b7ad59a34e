package io.cacheguard.legacy.shapes;

/** A subclass of a map class that is itself guarded: defined before its superclass, with its own override. */
public class BoundedLru<K, V> extends AccessOrderLru<K, V> {
    private static final long serialVersionUID = 1L;
    private long gets;

    public BoundedLru(int max) {
        super(max);
    }

    @Override
    public V get(Object key) {
        gets++;
        return super.get(key);
    }

    public long gets() {
        return gets;
    }
}
