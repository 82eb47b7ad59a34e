package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.KNOWN_ORDER;
import static com.google.common.collect.testing.features.CollectionFeature.SERIALIZABLE;
import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's generated Map suite on the guarded LinkedHashMap, as {@link GuardedMaps} builds it
 * on the running JDK, with every feature LinkedHashMap has except fail-fast iteration.
 */
class GuardedLinkedHashMapConformanceTest {
    @TestFactory
    Stream<DynamicNode> insertionOrdered() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedLinkedHashMap", LinkedHashMap<String, String>::new,
                GuardedMaps::linkedHashMap, GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES,
                ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, KNOWN_ORDER, ANY));
    }

    @TestFactory
    Stream<DynamicNode> insertionOrderedWithAnEvictionPolicyItNeverReaches() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedLinkedHashMap [bounded subclass]",
                () -> lru(false), GuardedMaps::linkedHashMap, GENERAL_PURPOSE, ALLOWS_NULL_KEYS,
                ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, KNOWN_ORDER, ANY));
    }

    /** Access order moves entries on every get, so the suite cannot know the order: KNOWN_ORDER is not claimed. */
    @TestFactory
    Stream<DynamicNode> accessOrderedLruSubclass() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedLinkedHashMap [access-ordered LRU subclass]",
                () -> lru(true), GuardedMaps::linkedHashMap, GENERAL_PURPOSE, ALLOWS_NULL_KEYS,
                ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, ANY));
    }

    /** Static, so the anonymous class captures no test instance and serializes on its own. */
    private static LinkedHashMap<String, String> lru(boolean accessOrder) {
        return new LinkedHashMap<>(16, 0.75f, accessOrder) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 1000;
            }
        };
    }
}
