package io.cacheguard.agent.runtime;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * What the agent adds to an application's own map class ({@code class LRUMap extends
 * LinkedHashMap}) when it guards the class itself: the superclass's views as they were, reachable
 * past the guarded {@code keySet()}, {@code values()} and {@code entrySet()} that now hand out
 * views locked on the map (see {@link MapSubclassViews}). Implemented by the rewrite only.
 */
public interface RawMapViews<K, V> extends Map<K, V> {
    /** {@code super.keySet()}. */
    Set<K> cacheguard$keySet();

    /** {@code super.values()}. */
    Collection<V> cacheguard$values();

    /** {@code super.entrySet()}. */
    Set<Map.Entry<K, V>> cacheguard$entrySet();
}
