package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.SERIALIZABLE;
import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;

import java.util.HashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's generated Map suite on the in-place guard that an attach puts around a live
 * HashMap, with every feature HashMap has except fail-fast iteration.
 */
class GuardedLiveHashMapConformanceTest {
    @TestFactory
    Stream<DynamicNode> guardedLiveHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedLiveHashMap", HashMap<String, String>::new,
                GuardedLiveHashMap::new, GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES,
                ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, ANY));
    }
}
