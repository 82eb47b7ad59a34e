package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A guarded HashMap with bounds: expiry measured on a fake clock, and an approximate size limit. */
class BoundedGuardedHashMapTest {
    private final FakeTicker ticker = new FakeTicker();

    private HashMap<String, String> bounded(String spec) {
        return GuardedMaps.hashMap(new HashMap<>(), UserBounds.parse(spec).withTicker(ticker));
    }

    private HashMap<String, String> withExpiredEntry(String spec) {
        HashMap<String, String> map = bounded(spec);
        map.put("k", "v");
        ticker.advance(Duration.ofMinutes(10));
        return map;
    }

    static Stream<Arguments> operations() {
        return Stream.of(
                operation("get", m -> m.get("k"), null),
                operation("getOrDefault", m -> m.getOrDefault("k", "default"), "default"),
                operation("containsKey", m -> m.containsKey("k"), false),
                operation("containsValue", m -> m.containsValue("v"), false),
                operation("size", Map::size, 0),
                operation("isEmpty", Map::isEmpty, true),
                operation("keySet iteration", m -> new ArrayList<>(m.keySet()), List.of()),
                operation("values iteration", m -> new ArrayList<>(m.values()), List.of()),
                operation("entrySet iteration", m -> new ArrayList<>(m.entrySet()), List.of()),
                operation("keySet size", m -> m.keySet().size(), 0),
                operation("keySet contains", m -> m.keySet().contains("k"), false),
                operation("values contains", m -> m.values().contains("v"), false),
                operation("entrySet contains", m -> m.entrySet().contains(Map.entry("k", "v")), false),
                operation("forEach", m -> {
                    List<String> seen = new ArrayList<>();
                    m.forEach((k, v) -> seen.add(k));
                    return seen;
                }, List.of()),
                operation("equals", m -> m.equals(Map.of()), true),
                operation("equals seen from a plain map", m -> Map.of().equals(m), true),
                operation("hashCode", Map::hashCode, 0),
                operation("toString", Map::toString, "{}"),
                operation("clone", m -> new HashMap<>((Map<?, ?>) m.clone()), Map.of()),
                operation("serialization", Serialization::roundTrip, Map.of()),
                operation("put", m -> m.put("k", "new"), null),
                operation("putIfAbsent", m -> m.putIfAbsent("k", "new") + " then " + m.get("k"), "null then new"),
                operation("computeIfAbsent", m -> m.computeIfAbsent("k", k -> "new"), "new"),
                operation("computeIfPresent", m -> m.computeIfPresent("k", (k, v) -> "saw " + v), null),
                operation("compute", m -> m.compute("k", (k, v) -> "saw " + v), "saw null"),
                operation("merge", m -> m.merge("k", "new", (a, b) -> a + b), "new"),
                operation("replace", m -> m.replace("k", "new") + " then " + m.containsKey("k"), "null then false"),
                operation("replace of the old value", m -> m.replace("k", "v", "new"), false),
                operation("remove", m -> m.remove("k"), null),
                operation("remove of key and value", m -> m.remove("k", "v"), false),
                operation("keySet remove", m -> m.keySet().remove("k"), false),
                operation("values remove", m -> m.values().remove("v"), false),
                operation("entrySet remove", m -> m.entrySet().remove(Map.entry("k", "v")), false),
                operation("replaceAll", m -> {
                    m.replaceAll((k, v) -> "replaced");
                    return m.size();
                }, 0));
    }

    private static Arguments operation(String name, Function<HashMap<String, String>, Object> op, Object expected) {
        return arguments(name, op, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anEntryPastExpireAfterWriteIsInvisibleTo(String name, Function<HashMap<String, String>, Object> op,
            Object expected) {
        assertEquals(expected, op.apply(withExpiredEntry("expireAfterWrite=10m")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operations")
    void anEntryPastExpireAfterAccessIsInvisibleTo(String name, Function<HashMap<String, String>, Object> op,
            Object expected) {
        assertEquals(expected, op.apply(withExpiredEntry("expireAfterAccess=10m,maximumSize=100")));
    }

    @Test
    void anEntryIsVisibleUntilTheLastNanosecondOfItsLifetime() {
        HashMap<String, String> map = bounded("expireAfterWrite=10m");
        map.put("k", "v");

        ticker.advance(Duration.ofMinutes(10).minusNanos(1));

        assertEquals("v", map.get("k"));
    }

    @Test
    void aReadKeepsAnEntryAliveUnderExpireAfterAccess() {
        HashMap<String, String> map = bounded("expireAfterAccess=5m");
        map.put("k", "v");

        ticker.advance(Duration.ofMinutes(4));
        map.get("k");
        ticker.advance(Duration.ofMinutes(4));

        assertEquals("v", map.get("k"));
    }

    @Test
    void aReadDoesNotExtendExpireAfterWrite() {
        HashMap<String, String> map = bounded("expireAfterWrite=5m");
        map.put("k", "v");

        ticker.advance(Duration.ofMinutes(4));
        map.get("k");
        ticker.advance(Duration.ofMinutes(1));

        assertFalse(map.containsKey("k"));
    }

    @Test
    void aWriteRestartsExpireAfterWrite() {
        HashMap<String, String> map = bounded("expireAfterWrite=5m");
        map.put("k", "v");

        ticker.advance(Duration.ofMinutes(4));
        map.put("k", "w");
        ticker.advance(Duration.ofMinutes(4));

        assertEquals("w", map.get("k"));
    }

    @Test
    void theEarlierOfTheTwoExpiriesWins() {
        HashMap<String, String> map = bounded("expireAfterWrite=10m,expireAfterAccess=1m");
        map.put("k", "v");

        ticker.advance(Duration.ofMinutes(1));

        assertFalse(map.containsKey("k"));
    }

    @Test
    void holdsExactlyMaximumSizeEntriesAfterManyMoreSingleThreadedWrites() {
        HashMap<String, String> map = bounded("maximumSize=100");

        for (int i = 0; i < 10_000; i++) {
            map.put("k" + i, "v");
        }

        assertEquals(100, map.size());
        assertEquals(100, new ArrayList<>(map.keySet()).size());
    }

    @Test
    void keepsAnEntryThatIsReadBetweenWritesWhileEvicting() {
        HashMap<String, String> map = bounded("maximumSize=100");
        map.put("hot", "v");

        for (int i = 0; i < 10_000; i++) {
            map.get("hot");
            map.put("k" + i, "v");
        }

        assertTrue(map.containsKey("hot"), "the CLOCK hand gives a recently read entry a second chance");
    }

    @Test
    void evictsTheOldestUnreadEntriesFirst() {
        HashMap<String, String> map = bounded("maximumSize=3");
        map.put("a", "1");
        map.put("b", "2");
        map.put("c", "3");

        map.put("d", "4");

        assertEquals(Map.of("b", "2", "c", "3", "d", "4"), map);
    }

    @Test
    void maximumSizeZeroKeepsNothing() {
        HashMap<String, String> map = bounded("maximumSize=0");

        map.put("k", "v");

        assertTrue(map.isEmpty());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expireAfterWrite=1m", "expireAfterWrite=1m,maximumSize=1000"})
    void writesTidyAwayExpiredEntriesNobodyReadsAgain(String spec) {
        BoundedConcurrentMap<String, String> map = new BoundedConcurrentMap<>(UserBounds.parse(spec).withTicker(ticker));
        for (int i = 0; i < 100; i++) {
            map.put("old" + i, "v");
        }
        ticker.advance(Duration.ofMinutes(2));

        for (int i = 0; i < 300; i++) {
            map.put("new" + i, "v"); // no read, no size(): only the writes' own housekeeping
        }

        assertEquals(300, map.storedEntries(), "the 100 expired entries still held");
    }

    /** The tidying walk over the table may meet a node its key has replaced since: never its successor's end. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"expireAfterWrite=1m", "expireAfterWrite=1m,maximumSize=1000"})
    void tidyingNeverRemovesAnEntryThatReplacedTheOneItMet(String spec) {
        BoundedConcurrentMap<Integer, Integer> map = new BoundedConcurrentMap<>(UserBounds.parse(spec).withTicker(ticker));
        for (int i = 0; i < 20_000; i++) {
            int key = i % 100;
            map.remove(key); // the next put of the key makes a new entry, not an overwrite
            map.put(key, i);
            map.put(100 + i, i); // a new key every time, so every step tidies
            assertEquals(i, map.get(key), "lost the entry of key " + key + " at step " + i);
        }
    }

    @Test
    void clearEmptiesTheMapAndItsEvictionQueue() {
        HashMap<String, String> map = bounded("maximumSize=2");
        map.put("a", "1");
        map.put("b", "2");
        map.clear();

        map.put("c", "3");
        map.put("d", "4");
        map.put("e", "5");

        assertEquals(2, map.size());
        assertTrue(map.containsKey("e"));
    }

    @Test
    void cloneKeepsTheBoundsAndTheClock() {
        HashMap<String, String> map = bounded("maximumSize=2,expireAfterWrite=10m");
        map.put("a", "1");

        @SuppressWarnings("unchecked")
        HashMap<String, String> copy = (HashMap<String, String>) map.clone();
        copy.put("b", "2");
        copy.put("c", "3");

        assertEquals(2, copy.size());
        assertEquals(Map.of("a", "1"), map);
        ticker.advance(Duration.ofMinutes(10));
        assertTrue(copy.isEmpty(), "the copy's entries expire on the same clock");
    }
}
