package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.lang.reflect.Constructor;
import java.util.Collections;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;

/**
 * Velocity's {@code MapFactory} (1.5 to 1.7, written to run on Java 1.4): a static factory of another
 * class picks the map by its arguments, and builds a {@code ConcurrentHashMap} through a constructor
 * it found by name. Followed with the constant arguments of each call, a call with
 * {@code concurrency > 1} returns only thread-safe maps: safe; a call with {@code concurrency 1}
 * returns a {@code HashMap}: patch. Before, both were patch (a call the analysis did not follow).
 */
public final class FactoryChosenMaps {

    static final class MapFactory {
        private static Constructor<?> concurrentHashMapConstructor;

        static {
            try {
                concurrentHashMapConstructor = Class.forName("java.util.concurrent.ConcurrentHashMap")
                        .getConstructor(int.class, float.class, int.class);
            } catch (ReflectiveOperationException e) {
                // not on this JVM: the synchronized maps below
            }
        }

        static Map<Object, Object> create(boolean allowNullKeys) {
            return create(16, 0.75f, 16, allowNullKeys);
        }

        @SuppressWarnings("unchecked")
        static Map<Object, Object> create(int size, float loadFactor, int concurrency, boolean allowNullKeys) {
            Map<Object, Object> map;
            if (concurrency <= 1) {
                map = new HashMap<>(size, loadFactor);
            } else if (concurrentHashMapConstructor != null) {
                try {
                    map = (Map<Object, Object>) concurrentHashMapConstructor.newInstance(size, loadFactor, concurrency);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("this should not happen", e);
                }
            } else if (allowNullKeys) {
                map = Collections.synchronizedMap(new HashMap<>(size, loadFactor));
            } else {
                map = new Hashtable<>(size, loadFactor);
            }
            return map;
        }
    }

    @Expect(value = SAFE, reason = "returns only")
    private final Map<Object, Object> methods = MapFactory.create(false);

    @Expect(value = SAFE, reason = "returns only")
    private final Map<Object, Object> resources = MapFactory.create(512, 0.5f, 30, false);

    @Expect(value = PATCH, reason = "holds no lock")
    private final Map<Object, Object> single = MapFactory.create(512, 0.5f, 1, false);

    public Object lookup(Object key) {
        Object found = methods.get(key);
        if (found == null) {
            found = String.valueOf(key);
            methods.put(key, found);
            resources.put(key, found);
            single.put(key, found);
        }
        return found;
    }
}
