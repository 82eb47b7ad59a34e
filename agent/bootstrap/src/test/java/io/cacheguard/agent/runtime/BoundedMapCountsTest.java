package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: what the bounded maps of a field evicted and expired, counted per field, as the JMX
 * view, {@code status} and the Flight Recorder Summary read it. Each test counts into a field of its
 * own: the registry is the runtime's, one per JVM.
 */
class BoundedMapCountsTest {
    private final FakeTicker ticker = new FakeTicker();

    private <K, V> HashMap<K, V> mapOf(String field, String spec) {
        return GuardedMaps.hashMap(new HashMap<>(), BoundedFields.counted(field, UserBounds.parse(spec).withTicker(ticker)));
    }

    private static BoundedMapCounts countsOf(String field) {
        BoundedMapCounts counts = BoundedFields.all().get(field);
        assertNotNull(counts, field + " has no counts: " + BoundedFields.all().keySet());
        return counts;
    }

    @Test
    void aMapOfThreeEvictsOneOnTheFourthPut() {
        HashMap<String, String> map = mapOf("test.Sized.fourthPut", "maximumSize=3");
        for (String key : new String[] {"a", "b", "c"}) {
            map.put(key, key);
        }
        assertEquals(0, countsOf("test.Sized.fourthPut").evictions());

        map.put("d", "d");

        BoundedMapCounts counts = countsOf("test.Sized.fourthPut");
        assertEquals(1, counts.evictions());
        assertEquals(0, counts.expiries());
        assertEquals(3, counts.entries());
    }

    @Test
    void anEntryReadAfterItsExpiryCountsOneExpiryAndNoEviction() {
        HashMap<String, String> map = mapOf("test.Expiring.read", "expireAfterWrite=1m");
        map.put("k", "v");
        map.put("other", "v");
        ticker.advance(Duration.ofMinutes(2));

        assertNull(map.get("k"));

        BoundedMapCounts counts = countsOf("test.Expiring.read");
        assertEquals(1, counts.expiries());
        assertEquals(0, counts.evictions());
        assertEquals(1, counts.entries(), "the other expired entry is still held until something tidies it");
    }

    @Test
    void anExpiredEntryOverwrittenCountsAsExpiredOnce() {
        HashMap<String, String> map = mapOf("test.Expiring.overwrite", "expireAfterWrite=1m");
        map.put("k", "old");
        ticker.advance(Duration.ofMinutes(2));

        assertNull(map.put("k", "new"), "the expired value is no previous value");
        map.put("k", "newer"); // a live overwrite: nothing leaves

        assertEquals(1, countsOf("test.Expiring.overwrite").expiries());
        assertEquals(1, countsOf("test.Expiring.overwrite").entries());
    }

    @Test
    void anExpiredEntryTheSizeBoundMeetsIsAnExpiryNotAnEviction() {
        HashMap<String, String> map = mapOf("test.Both.sweep", "maximumSize=2,expireAfterWrite=1m");
        map.put("old", "v");
        ticker.advance(Duration.ofMinutes(2));
        map.put("b", "v");
        map.put("c", "v"); // over the bound: the hand meets "old" first, expired

        BoundedMapCounts counts = countsOf("test.Both.sweep");
        assertEquals(1, counts.expiries());
        assertEquals(0, counts.evictions());
        assertEquals(2, counts.entries());
    }

    @Test
    void removalsAndClearAreNeitherEvictionsNorExpiries() {
        HashMap<String, String> map = mapOf("test.Sized.removed", "maximumSize=10,expireAfterWrite=1m");
        for (int i = 0; i < 5; i++) {
            map.put("k" + i, "v");
        }
        map.remove("k0");
        map.remove("k1", "v");
        map.keySet().remove("k2");
        map.clear();

        BoundedMapCounts counts = countsOf("test.Sized.removed");
        assertEquals(0, counts.evictions());
        assertEquals(0, counts.expiries());
        assertEquals(0, counts.entries());
    }

    @Test
    void theMapsOfOneFieldShareItsCountsAndTheirEntriesAdd() {
        HashMap<String, String> first = mapOf("test.Instance.map", "maximumSize=2");
        HashMap<String, String> second = mapOf("test.Instance.map", "maximumSize=2");
        for (int i = 0; i < 5; i++) {
            first.put("k" + i, "v");
            second.put("k" + i, "v");
        }

        BoundedMapCounts counts = countsOf("test.Instance.map");
        assertEquals(6, counts.evictions());
        assertEquals(4, counts.entries());
        assertEquals(2, counts.maps());
    }

    @Test
    void aFieldKeepsItsCountsWhenItsBoundsChange() {
        HashMap<String, String> before = mapOf("test.Rebounded.map", "maximumSize=1");
        before.put("a", "v");
        before.put("b", "v");
        HashMap<String, String> after = mapOf("test.Rebounded.map", "maximumSize=5");
        after.put("c", "v");

        assertEquals(1, countsOf("test.Rebounded.map").evictions());
        assertEquals(2, countsOf("test.Rebounded.map").entries());
    }

    /**
     * Every entry put either stays or was evicted exactly once, however the writers interleave: a
     * count bumped for a node another thread had already taken out would break the sum.
     */
    @Test
    void concurrentWritersEvictionsAndEntriesAddUpToWhatTheyPut() {
        HashMap<Integer, Integer> map = mapOf("test.Concurrent.writers", "maximumSize=64");
        int perThread = 20_000;

        Race.Outcome outcome = Race.run(thread -> {
            for (int i = 0; i < perThread; i++) {
                int key = thread * perThread + i; // disjoint: each put is an insert
                map.put(key, key);
                map.get(key - 1); // reads set the hand's referenced bits, so second chances happen too
            }
        });

        assertTrue(outcome.clean(), outcome::toString);
        BoundedMapCounts counts = countsOf("test.Concurrent.writers");
        assertEquals((long) Race.THREADS * perThread, counts.evictions() + counts.entries());
        assertEquals(0, counts.expiries());
    }

    /** Readers that all find the same expired entries count each expiry once: only the one that unlinks it counts. */
    @Test
    void concurrentReadersOfExpiredEntriesCountEachExpiryOnce() {
        HashMap<Integer, Integer> map = mapOf("test.Concurrent.readers", "expireAfterWrite=1m");
        int keys = 20_000;
        for (int i = 0; i < keys; i++) {
            map.put(i, i);
        }
        ticker.advance(Duration.ofMinutes(2));

        Race.Outcome outcome = Race.run(thread -> {
            for (int i = 0; i < keys; i++) {
                if (map.get(i) != null) {
                    throw new AssertionError("expired entry " + i + " was read");
                }
            }
        });

        assertTrue(outcome.clean(), outcome::toString);
        assertEquals(keys, countsOf("test.Concurrent.readers").expiries());
        assertEquals(0, countsOf("test.Concurrent.readers").entries());
    }

    @Test
    void unboundedMapsAreNotCounted() {
        CacheBounds none = BoundedFields.counted("test.Unbounded.map", CacheBounds.NONE);

        assertSame(CacheBounds.NONE, none);
        assertNull(BoundedFields.all().get("test.Unbounded.map"));
    }

    @Test
    void aPatchedFieldWithBoundsCountsWhatItsGuardedMapsEvict() {
        String field = "test.Guarded.CACHE";
        Guards.configure(CacheBounds.NONE, Map.of(field, UserBounds.parse("maximumSize=3")), GuardListener.NONE);
        try {
            @SuppressWarnings("unchecked")
            Map<String, String> guarded = (Map<String, String>) Guards.guard(new HashMap<String, String>(), field);
            for (String key : new String[] {"a", "b", "c", "d"}) {
                guarded.put(key, key);
            }

            assertEquals(1, countsOf(field).evictions());
            assertEquals(3, countsOf(field).entries());
        } finally {
            Guards.configure(CacheBounds.NONE, Map.of(), GuardListener.NONE);
        }
    }
}
