package io.cacheguard.samples.lazy;

/** What the driver needs from a lazily created attribute cache, legacy or safe. */
public interface Attributes {

    void put(String name, String value);

    /** The attribute's value, or null. */
    String get(String name);

    int size();
}
