package io.cacheguard.agent.runtime;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The views of a guarded map subclass: every operation on the map's own monitor, the monitor its
 * guarded methods hold, and iteration over a snapshot taken under it, exactly as for a
 * {@link LockedMap}. The subclass's {@code keySet()}, {@code values()} and {@code entrySet()}
 * answer these; the views work on the superclass's own views underneath, through
 * {@link RawMapViews}, and go back to the map's guarded methods for everything else.
 */
public final class MapSubclassViews {
    private MapSubclassViews() {
    }

    @Hook(Hook.Kind.ENTRY)
    public static <K, V> Set<K> keySet(RawMapViews<K, V> map) {
        return locked(map).keySet();
    }

    @Hook(Hook.Kind.ENTRY)
    public static <K, V> Collection<V> values(RawMapViews<K, V> map) {
        return locked(map).values();
    }

    @Hook(Hook.Kind.ENTRY)
    public static <K, V> Set<Map.Entry<K, V>> entrySet(RawMapViews<K, V> map) {
        return locked(map).entrySet();
    }

    private static <K, V> LockedMap<K, V, Map<K, V>> locked(RawMapViews<K, V> map) {
        return new LockedMap<>(map, new Underneath<>(map));
    }

    /**
     * The guarded map as the views of a {@link LockedMap} see it: its superclass's views, and its
     * own guarded (reentrant) methods for the rest. Only ever used with the map's monitor held.
     */
    private static final class Underneath<K, V> extends AbstractMap<K, V> {
        private final RawMapViews<K, V> map;

        Underneath(RawMapViews<K, V> map) {
            this.map = map;
        }

        @Override
        public Set<Map.Entry<K, V>> entrySet() {
            return map.cacheguard$entrySet();
        }

        @Override
        public Set<K> keySet() {
            return map.cacheguard$keySet();
        }

        @Override
        public Collection<V> values() {
            return map.cacheguard$values();
        }

        @Override
        public int size() {
            return map.size();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public boolean containsKey(Object key) {
            return map.containsKey(key);
        }

        @Override
        public boolean containsValue(Object value) {
            return map.containsValue(value);
        }

        @Override
        public void clear() {
            map.clear();
        }
    }
}
