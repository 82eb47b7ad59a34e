package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.FAILS_FAST_ON_CONCURRENT_MODIFICATION;
import static com.google.common.collect.testing.features.CollectionFeature.KNOWN_ORDER;
import static com.google.common.collect.testing.features.CollectionFeature.SERIALIZABLE;
import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.common.collect.testing.testers.CollectionIteratorTester;
import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's generated Map suite on the tracked maps, with the detector on: a tracked map must
 * be exactly the map it tracks (in mode detect the original, fail-fast iterators and all; in mode
 * both its guarded twin), and one thread's use of it is never a race. (WeakHashMap's own iterators
 * do not fail fast the way the suite models it, so that feature is not claimed for it.)
 */
class TrackedMapConformanceTest {
    @BeforeAll
    static void detectorOn() {
        DetectedRaces.on();
    }

    @AfterAll
    static void oneThreadNeverRaced() {
        assertEquals(List.of(), DetectedRaces.on("Test.map"));
    }

    @TestFactory
    Stream<DynamicNode> trackedHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("TrackedHashMap [over HashMap]", HashMap<String, String>::new,
                raw -> new TrackedHashMap<>(raw, new MapShadow("Test.map")), GENERAL_PURPOSE, ALLOWS_NULL_KEYS,
                ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE,
                FAILS_FAST_ON_CONCURRENT_MODIFICATION, ANY));
    }

    @TestFactory
    Stream<DynamicNode> trackedGuardedHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("TrackedHashMap [over GuardedHashMap]",
                HashMap<String, String>::new,
                raw -> new TrackedHashMap<>(GuardedMaps.hashMap(raw, CacheBounds.NONE), new MapShadow("Test.map", true)),
                GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES,
                SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, ANY));
    }

    @TestFactory
    Stream<DynamicNode> trackedLinkedHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("TrackedLinkedHashMap", LinkedHashMap<String, String>::new,
                raw -> trackedLinked(raw), GENERAL_PURPOSE, ALLOWS_NULL_KEYS,
                ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES, SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, KNOWN_ORDER,
                FAILS_FAST_ON_CONCURRENT_MODIFICATION, ANY));
    }

    /** The tracked LinkedHashMap for the running JDK (with the SequencedMap methods on 21+). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> trackedLinked(LinkedHashMap<String, String> raw) {
        return (Map<String, String>) Tracking.tracked(raw, raw, "Test.map", false);
    }

    /**
     * The JDK's WeakHashMap iterator clears the key {@code remove()} uses when a {@code hasNext()}
     * finds no more entries, so a remove after that removes the wrong mapping; the plain
     * WeakHashMap fails this one tester method too, and the tracked one must do what it does.
     */
    @TestFactory
    Stream<DynamicNode> trackedWeakHashMap() throws NoSuchMethodException {
        return Junit3Suites.dynamicTests(StringMaps.suite("TrackedWeakHashMap", WeakHashMap<String, String>::new,
                raw -> new TrackedWeakHashMap<>(raw, new MapShadow("Test.map")),
                List.of(CollectionIteratorTester.class.getMethod("testIterator_unknownOrderRemoveSupported")),
                GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES,
                SUPPORTS_ITERATOR_REMOVE, ANY));
    }
}
