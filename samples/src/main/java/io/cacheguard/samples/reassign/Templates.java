package io.cacheguard.samples.reassign;

import java.util.Set;

/** What the driver needs from a cache of compiled templates, legacy or safe. */
public interface Templates {

    /** The compiled template, or null. */
    String get(String name);

    void put(String name, String compiled);

    /** Forgets every template, e.g. after the template directory changed. */
    void clear();

    int size();

    /** A live view for checks made after all workers have finished. */
    Set<String> names();
}
