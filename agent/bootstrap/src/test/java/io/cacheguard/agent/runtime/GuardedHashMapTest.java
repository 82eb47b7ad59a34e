package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The guarded HashMap, unbounded and bounded (with bounds it never reaches), behaves exactly like
 * {@code java.util.HashMap}. Each test runs on both stores.
 */
class GuardedHashMapTest {
    private static final String UNBOUNDED = "";
    private static final String BOUNDED = "maximumSize=100000,expireAfterWrite=1d,expireAfterAccess=1d";

    private static HashMap<String, String> guarded(String spec) {
        return GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse(spec));
    }

    private static HashMap<String, String> guarded(String spec, Map<String, String> contents) {
        return GuardedMaps.hashMap(new HashMap<>(contents), UserBounds.parse(spec));
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void behavesLikeHashMapOverLongRandomHistories(String spec) {
        for (long seed = 1; seed <= 20; seed++) {
            Differential.assertSameHistory(new HashMap<>(), GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse(spec)),
                    false, seed, 2_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void keepsANullKeyAndANullValue(String spec) {
        HashMap<String, String> map = guarded(spec);
        map.put(null, "for null");
        map.put("k", null);

        assertEquals("for null", map.get(null));
        assertTrue(map.containsKey("k"));
        assertNull(map.get("k"));
        assertTrue(map.containsValue(null));
        assertEquals(2, map.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void treatsAKeyMappedToNullAsAbsentForPutIfAbsentLikeHashMap(String spec) {
        HashMap<String, String> map = guarded(spec);
        map.put("k", null);

        assertNull(map.putIfAbsent("k", "v"));
        assertEquals("v", map.get("k"));
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void equalsAndHashCodeAgreeWithAPlainHashMapBothWays(String spec) {
        Map<String, String> plain = new HashMap<>();
        plain.put("a", "1");
        plain.put(null, null);
        HashMap<String, String> map = guarded(spec, plain);

        assertEquals(plain, map);
        assertEquals(map, plain);
        assertEquals(plain.hashCode(), map.hashCode());
        assertEquals(plain.entrySet(), map.entrySet());
        assertEquals(map.keySet(), plain.keySet());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void toStringReadsLikeAPlainHashMap(String spec) {
        HashMap<String, String> map = guarded(spec);
        map.put(null, null);

        // One entry: with more, HashMap's own order is unspecified.
        assertEquals("{null=null}", map.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void toStringOfAMapThatContainsItselfSaysThisMap(String spec) {
        HashMap<String, Object> map = GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse(spec));
        map.put("self", map);

        assertEquals("{self=(this Map)}", map.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void entrySetValueWritesThroughToTheMap(String spec) {
        HashMap<String, String> map = guarded(spec, Map.of("k", "old"));

        Map.Entry<String, String> entry = map.entrySet().iterator().next();
        assertEquals("old", entry.setValue("new"));

        assertEquals("new", map.get("k"));
        assertEquals("new", entry.getValue());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void iteratorRemoveRemovesFromTheMap(String spec) {
        HashMap<String, String> map = guarded(spec, Map.of("a", "1", "b", "2"));

        Iterator<String> keys = map.keySet().iterator();
        String removed = keys.next();
        keys.remove();

        assertFalse(map.containsKey(removed));
        assertEquals(1, map.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void viewsAreLive(String spec) {
        HashMap<String, String> map = guarded(spec);
        Set<String> keys = map.keySet();

        map.put("later", "v");
        map.values().remove("v");
        map.put("again", "w");

        assertEquals(Set.of("again"), keys);
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void iteratingWhileTheMapChangesNeverThrowsConcurrentModification(String spec) {
        HashMap<String, String> map = guarded(spec);
        for (int i = 0; i < 100; i++) {
            map.put("k" + i, "v");
        }

        for (String key : map.keySet()) {
            map.remove(key);
            map.put(key + "'", "added while iterating");
        }
        // No ConcurrentModificationException reached here; the first generation of keys is gone.
        assertFalse(map.keySet().stream().anyMatch(k -> !k.endsWith("'")));
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void cloneIsAnIndependentGuardedCopy(String spec) {
        HashMap<String, String> map = guarded(spec, Map.of("a", "1"));

        @SuppressWarnings("unchecked")
        HashMap<String, String> copy = (HashMap<String, String>) map.clone();
        copy.put("b", "2");
        map.remove("a");

        assertTrue(copy instanceof GuardedMap);
        assertEquals(Map.of("a", "1", "b", "2"), copy);
        assertEquals(Map.of(), map);
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void serializesAsAPlainHashMap(String spec) {
        HashMap<String, String> map = guarded(spec, Map.of("a", "1"));
        map.put(null, null);

        Object read = Serialization.roundTrip(map);

        assertSame(HashMap.class, read.getClass());
        assertEquals(map, read);
        assertFalse(Serialization.streamMentions(map, "io.cacheguard"), "the stream names a cacheguard class");
    }

    @ParameterizedTest
    @ValueSource(strings = {UNBOUNDED, BOUNDED})
    void guardingTwiceReturnsTheSameMap(String spec) {
        HashMap<String, String> map = guarded(spec);

        assertSame(map, GuardedMaps.hashMap(map, UserBounds.parse("maximumSize=1")));
        assertNotSame(map, guarded(spec));
    }
}
