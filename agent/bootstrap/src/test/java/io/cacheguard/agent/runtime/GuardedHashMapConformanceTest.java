package io.cacheguard.agent.runtime;

import static com.google.common.collect.testing.features.CollectionFeature.SERIALIZABLE;
import static com.google.common.collect.testing.features.CollectionFeature.SUPPORTS_ITERATOR_REMOVE;
import static com.google.common.collect.testing.features.CollectionSize.ANY;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_ANY_NULL_QUERIES;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_KEYS;
import static com.google.common.collect.testing.features.MapFeature.ALLOWS_NULL_VALUES;
import static com.google.common.collect.testing.features.MapFeature.GENERAL_PURPOSE;

import com.google.common.collect.testing.features.Feature;
import java.util.HashMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Guava testlib's generated Map suite on the guarded HashMap, with every feature HashMap has except
 * fail-fast iteration: the wrapper's iterators are weakly consistent by design. The bounded
 * variants use bounds the suite never reaches, so the suite's HashMap semantics must hold exactly
 * while the bounded code paths (timestamps, CLOCK hand) run on every call.
 */
class GuardedHashMapConformanceTest {
    private static final Feature<?>[] HASH_MAP_FEATURES = {
        GENERAL_PURPOSE, ALLOWS_NULL_KEYS, ALLOWS_NULL_VALUES, ALLOWS_ANY_NULL_QUERIES,
        SUPPORTS_ITERATOR_REMOVE, SERIALIZABLE, ANY,
    };

    @TestFactory
    Stream<DynamicNode> guardedCopyOfAFilledHashMap() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedHashMap [copy]", HashMap<String, String>::new,
                raw -> GuardedMaps.hashMap(raw, CacheBounds.NONE), HASH_MAP_FEATURES));
    }

    @TestFactory
    Stream<DynamicNode> guardedHashMapFilledThroughPut() {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedHashMap", GuardedHashMap<String, String>::new,
                Function.identity(), HASH_MAP_FEATURES));
    }

    @TestFactory
    Stream<DynamicNode> boundedByMaximumSize() {
        return bounded("maximumSize=100000");
    }

    @TestFactory
    Stream<DynamicNode> boundedByExpiryOnAMovingFakeClock() {
        return bounded("expireAfterWrite=1d,expireAfterAccess=1d");
    }

    @TestFactory
    Stream<DynamicNode> boundedBySizeAndExpiry() {
        return bounded("maximumSize=100000,expireAfterWrite=10m,expireAfterAccess=5m");
    }

    private static Stream<DynamicNode> bounded(String spec) {
        return Junit3Suites.dynamicTests(StringMaps.suite("GuardedHashMap{" + spec + "}", HashMap<String, String>::new,
                raw -> GuardedMaps.hashMap(raw, UserBounds.parse(spec).withTicker(new CreepingTicker())),
                HASH_MAP_FEATURES));
    }

    /** A fake clock that moves a microsecond per read: time passes, but never near an expiry. */
    private static final class CreepingTicker implements Ticker {
        private long nanos;

        @Override
        public synchronized long read() {
            return nanos += 1_000;
        }
    }
}
