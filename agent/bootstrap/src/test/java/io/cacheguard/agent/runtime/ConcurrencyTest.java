package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The point of the wrappers: shared by {@value Race#THREADS} threads that start together, they lose
 * no entry, throw nothing, count exactly and let exactly one thread win a race for a key. The first
 * tests prove that the same workloads do catch a plain HashMap, so their passing means something.
 */
class ConcurrencyTest {
    /**
     * Races are probabilistic: on two cores a single run catches a plain HashMap about a third of
     * the time for the least sensitive workload, so forty runs miss with odds of about 1 in 10^8.
     * The loop stops at the first catch, so it usually takes one or two runs.
     */
    private static final int ATTEMPTS = 40;

    static Stream<Arguments> guardedMaps() {
        return Stream.of(
                map("GuardedHashMap", () -> GuardedMaps.hashMap(new HashMap<>(), CacheBounds.NONE)),
                map("GuardedHashMap with bounds it never reaches", () -> GuardedMaps.hashMap(new HashMap<>(),
                        UserBounds.parse("maximumSize=1000000,expireAfterWrite=1d,expireAfterAccess=1d"))),
                map("GuardedLinkedHashMap", () -> GuardedMaps.linkedHashMap(new LinkedHashMap<>())),
                map("GuardedLinkedHashMap access-ordered", () -> GuardedMaps.linkedHashMap(LruMaps.lru(1_000_000))),
                map("GuardedWeakHashMap", () -> GuardedMaps.weakHashMap(new WeakHashMap<>())));
    }

    private static Arguments map(String name, Supplier<Map<Integer, Integer>> factory) {
        return arguments(name, factory);
    }

    @Test
    void theDisjointPutsWorkloadCatchesAPlainHashMapLosingEntries() {
        assertCaughtOnAPlainHashMap(Workloads::disjointPuts);
    }

    @Test
    void theMergeCountsWorkloadCatchesAPlainHashMapMiscounting() {
        assertCaughtOnAPlainHashMap(Workloads::mergeCounts);
    }

    @Test
    void thePutIfAbsentWorkloadCatchesAPlainHashMapWithTwoWinners() {
        assertCaughtOnAPlainHashMap(Workloads::putIfAbsentRace);
    }

    private static void assertCaughtOnAPlainHashMap(Function<Map<Integer, Integer>, List<String>> workload) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            if (!workload.apply(new HashMap<>()).isEmpty()) {
                return;
            }
        }
        throw new AssertionError(ATTEMPTS + " runs on a plain HashMap showed no race: the workload proves nothing");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void concurrentPutsOfDistinctKeysLoseNothing(String name, Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.disjointPuts(factory.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void concurrentMergesCountExactly(String name, Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.mergeCounts(factory.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void concurrentComputesCountExactly(String name, Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.computeCounts(factory.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void aPutIfAbsentRaceHasExactlyOneWinnerPerKey(String name, Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.putIfAbsentRace(factory.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void aComputeIfAbsentRaceComputesOncePerKeyAndEveryoneSeesTheValue(String name,
            Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.computeIfAbsentRace(factory.get()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("guardedMaps")
    void mixedOperationsAndIterationAtOnceNeverThrow(String name, Supplier<Map<Integer, Integer>> factory) {
        assertEquals(List.of(), Workloads.mixedOperations(factory.get()));
    }

    @Test
    void anLruUnderConcurrentAccessNeverThrowsNorExceedsItsBound() {
        Map<Integer, Integer> lru = GuardedMaps.linkedHashMap(LruMaps.lru(100));
        AtomicInteger largestSeen = new AtomicInteger();

        Race.Outcome outcome = Race.run(t -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 100_000; i++) {
                Integer key = Workloads.KEYS[random.nextInt(1_000)];
                if (random.nextBoolean()) {
                    lru.get(key);
                } else {
                    lru.put(key, i);
                }
                if (i % 100 == 0) {
                    largestSeen.accumulateAndGet(Math.max(lru.size(), new ArrayList<>(lru.keySet()).size()), Math::max);
                }
            }
        });

        assertTrue(outcome.clean(), outcome.toString());
        assertTrue(largestSeen.get() <= 100, "an LRU of 100 was seen holding " + largestSeen.get());
    }

    @Test
    void aBoundedMapIsWithinMaximumSizeOnceConcurrentWritesQuiesce() {
        Map<Integer, Integer> map = GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse("maximumSize=1000"));
        int perThread = Workloads.KEYS.length / Race.THREADS;

        Race.Outcome outcome = Race.run(t -> {
            for (int i = 0; i < perThread; i++) {
                Integer key = Workloads.KEYS[t * perThread + i];
                map.put(key, i);
                map.get(Workloads.KEYS[t * perThread + i / 2]);
            }
        });

        assertTrue(outcome.clean(), outcome.toString());
        assertTrue(map.size() <= 1000, "maximumSize=1000 holds " + map.size());
        assertFalse(map.isEmpty());
    }

    @Test
    void expiredEntriesStayInvisibleWhileOtherThreadsWriteAndEvict() {
        FakeTicker ticker = new FakeTicker();
        Map<Integer, Integer> map = GuardedMaps.hashMap(new HashMap<>(),
                UserBounds.parse("maximumSize=5000,expireAfterWrite=1m").withTicker(ticker));
        int old = 1_000;
        for (int k = 0; k < old; k++) {
            map.put(Workloads.KEYS[k], k);
        }
        ticker.advance(Duration.ofMinutes(1));
        AtomicInteger seen = new AtomicInteger();

        Race.Outcome outcome = Race.run(t -> {
            if (t % 2 == 0) {
                for (int i = old + t; i < Workloads.KEYS.length; i += Race.THREADS) {
                    map.put(Workloads.KEYS[i], i);
                }
            } else {
                for (int round = 0; round < 20; round++) {
                    for (int k = 0; k < old; k++) {
                        seen.addAndGet(map.containsKey(Workloads.KEYS[k]) || map.get(Workloads.KEYS[k]) != null ? 1 : 0);
                    }
                    map.keySet().forEach(k -> seen.addAndGet(k < old ? 1 : 0));
                }
            }
        });

        assertTrue(outcome.clean(), outcome.toString());
        assertEquals(0, seen.get(), "reads that saw an expired entry");
        assertTrue(map.size() <= 5000, "maximumSize=5000 holds " + map.size());
    }
}
