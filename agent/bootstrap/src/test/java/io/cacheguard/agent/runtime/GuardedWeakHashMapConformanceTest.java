package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;

import java.util.WeakHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's generated Map suite on the guarded WeakHashMap, with every feature WeakHashMap has
 * except fail-fast iteration. WeakHashMap is neither Serializable nor Cloneable, so neither is
 * claimed. The suite's sample keys stay strongly reachable, so no entry is collected mid-test.
 */
class GuardedWeakHashMapConformanceTest {
    @TestFactory
    Stream<DynamicNode> guardedWeakHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedWeakHashMap", WeakHashMap<String, String>::new,
                GuardedMaps::weakHashMap, GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES,
                ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, ANY));
    }
}
