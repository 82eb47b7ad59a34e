package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Drives a wrapper and the JDK map it replaces through the same seeded random operations (null keys
 * and values, remapping functions that answer null, view and iterator removals, entry writes) and
 * asserts that every answer and the resulting contents are the same. Testlib checks each method on
 * its own; this checks that long mixed histories agree, including access order and eviction.
 */
final class Differential {
    private static final int KEYS = 12;

    private final Random random;
    private final boolean ordered;

    private Differential(long seed, boolean ordered) {
        this.random = new Random(seed);
        this.ordered = ordered;
    }

    /** @param ordered whether iteration order must agree too (LinkedHashMap), not only the mappings */
    static void assertSameHistory(Map<Integer, String> reference, Map<Integer, String> subject, boolean ordered,
            long seed, int steps) {
        Differential run = new Differential(seed, ordered);
        for (int step = 0; step < steps; step++) {
            String description = "seed " + seed + ", step " + step;
            int op = run.random.nextInt(23);
            Integer key = run.key();
            String value = run.value();
            int extra = run.random.nextInt(40);
            Object expected = apply(op, key, value, extra, ordered, reference);
            Object actual = apply(op, key, value, extra, ordered, subject);
            assertEquals(expected, actual, description + ": answer of operation " + op + " on key " + key);
            assertEquals(run.contents(reference), run.contents(subject), description + ": contents after operation " + op);
        }
    }

    private Integer key() {
        int k = random.nextInt(KEYS + 1);
        return k == KEYS ? null : k;
    }

    private String value() {
        int v = random.nextInt(6);
        return v == 5 ? null : String.valueOf((char) ('a' + v));
    }

    private Object contents(Map<Integer, String> map) {
        // Iterating the entry set is no access, so it leaves an access-ordered map as it was.
        List<Map.Entry<Integer, String>> entries = new ArrayList<>();
        for (Map.Entry<Integer, String> e : map.entrySet()) {
            entries.add(Map.entry(Objects.requireNonNullElse(e.getKey(), -1), Objects.requireNonNullElse(e.getValue(), "null")));
        }
        if (ordered) {
            return entries;
        }
        Map<Object, Object> unordered = new HashMap<>();
        entries.forEach(e -> unordered.put(e.getKey(), e.getValue()));
        return unordered;
    }

    private static final Function<Integer, String> COMPUTE_IF_ABSENT = k -> k == null || k % 3 == 0 ? null : "c" + k;
    private static final BiFunction<Integer, String, String> REMAP =
            (k, v) -> v == null ? "n" + k : v.length() > 3 ? null : v + "!";
    private static final BiFunction<String, String, String> MERGE = (a, b) -> a.length() > 3 ? null : a + b;

    private static Object apply(int op, Integer key, String value, int extra, boolean ordered, Map<Integer, String> map) {
        try {
            switch (op) {
                case 0: return map.get(key);
                case 1: return map.getOrDefault(key, "default");
                case 2: return map.containsKey(key);
                case 3: return map.containsValue(value);
                case 4:
                case 5: return map.put(key, value);
                case 6: return map.remove(key);
                case 7: return map.remove(key, value);
                case 8: return map.putIfAbsent(key, value);
                case 9: return map.replace(key, value);
                case 10: return map.replace(key, value, value == null ? "z" : value + value);
                case 11: return map.computeIfAbsent(key, COMPUTE_IF_ABSENT);
                case 12: return map.computeIfPresent(key, REMAP);
                case 13: return map.compute(key, REMAP);
                case 14: return map.merge(key, value == null ? "m" : value, MERGE);
                case 15: return map.size();
                case 16: return map.keySet().remove(key);
                case 17:
                    // Which of several equal values goes first depends on iteration order: skip unless ordered.
                    return ordered || occurrences(map, value) <= 1 ? map.values().remove(value) : "ambiguous";
                case 18: return map.entrySet().remove(Map.entry(key == null ? 0 : key, value == null ? "a" : value));
                case 19: return removeByIterator(map, key);
                case 20: return setValueByEntry(map, key, value);
                case 21: return extra < 4 ? clear(map) : map.isEmpty();
                case 22: map.putAll(Map.of(extra % KEYS, "p", KEYS + extra % 4, "q")); return null;
                default: throw new AssertionError(op);
            }
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    private static Object removeByIterator(Map<Integer, String> map, Integer key) {
        for (Iterator<Integer> it = map.keySet().iterator(); it.hasNext();) {
            if (Objects.equals(it.next(), key)) {
                it.remove();
                return true;
            }
        }
        return false;
    }

    private static Object setValueByEntry(Map<Integer, String> map, Integer key, String value) {
        for (Map.Entry<Integer, String> e : map.entrySet()) {
            if (Objects.equals(e.getKey(), key)) {
                return e.setValue(value);
            }
        }
        return "absent";
    }

    private static long occurrences(Map<Integer, String> map, String value) {
        return map.values().stream().filter(v -> Objects.equals(v, value)).count();
    }

    private static Object clear(Map<Integer, String> map) {
        map.clear();
        return "cleared";
    }
}
