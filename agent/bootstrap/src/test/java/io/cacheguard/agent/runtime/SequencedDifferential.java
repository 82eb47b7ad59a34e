package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The JDK 21+ {@code SequencedMap} methods of a guarded LinkedHashMap, checked against the plain
 * LinkedHashMap it replaces over seeded random histories. The tests compile for Java 17, where these
 * types do not exist, so the calls go through reflection on the JDK's own interfaces.
 */
final class SequencedDifferential {
    private static final Class<?> SEQUENCED_MAP = type("java.util.SequencedMap");
    private static final Class<?> SEQUENCED_COLLECTION = type("java.util.SequencedCollection");

    private SequencedDifferential() {
    }

    static boolean available() {
        return SEQUENCED_MAP != null;
    }

    static void assertSameHistory(Map<Integer, String> reference, Map<Integer, String> subject, long seed, int steps) {
        Random random = new Random(seed);
        for (int step = 0; step < steps; step++) {
            int op = random.nextInt(22);
            Integer key = random.nextInt(8) == 0 ? null : random.nextInt(10);
            String value = String.valueOf((char) ('a' + random.nextInt(5)));
            Object expected = apply(op, key, value, reference);
            Object actual = apply(op, key, value, subject);
            String description = "seed " + seed + ", step " + step + ", operation " + op + " on key " + key;
            assertEquals(expected, actual, description + ": answer");
            assertEquals(entries(reference.entrySet()), entries(subject.entrySet()), description + ": contents");
        }
    }

    private static Object apply(int op, Integer key, String value, Map<Integer, String> map) {
        try {
            switch (op) {
                case 0: return call(map, SEQUENCED_MAP, "putFirst", key, value);
                case 1: return call(map, SEQUENCED_MAP, "putLast", key, value);
                case 2: return entry(call(map, SEQUENCED_MAP, "firstEntry"));
                case 3: return entry(call(map, SEQUENCED_MAP, "lastEntry"));
                case 4: return entry(call(map, SEQUENCED_MAP, "pollFirstEntry"));
                case 5: return entry(call(map, SEQUENCED_MAP, "pollLastEntry"));
                case 6: return reversed(map).put(key, value);
                case 7: return entry(call(reversed(map), SEQUENCED_MAP, "firstEntry"));
                case 8: return entry(call(reversed(map), SEQUENCED_MAP, "pollFirstEntry"));
                case 9: return call(call(map, SEQUENCED_MAP, "sequencedKeySet"), SEQUENCED_COLLECTION, "getFirst");
                case 10: return call(call(map, SEQUENCED_MAP, "sequencedKeySet"), SEQUENCED_COLLECTION, "removeLast");
                case 11: return new ArrayList<>((Collection<?>) call(call(map, SEQUENCED_MAP, "sequencedValues"),
                        SEQUENCED_COLLECTION, "reversed"));
                case 12: return entry(call(call(call(map, SEQUENCED_MAP, "sequencedEntrySet"), SEQUENCED_COLLECTION,
                        "reversed"), SEQUENCED_COLLECTION, "getFirst"));
                case 13: return new ArrayList<>(reversed(map).keySet());
                case 14: return reversed(map).remove(key);
                case 15: return entries(reversed(reversed(map)).entrySet());
                case 16: return map.get(key);
                case 17: return map.put(key, value);
                case 18: return call(reversed(map), SEQUENCED_MAP, "putFirst", key, value);
                case 19: return call(call(map.values(), SEQUENCED_COLLECTION, "reversed"), SEQUENCED_COLLECTION,
                        "removeFirst");
                case 20: return call(map.keySet(), SEQUENCED_COLLECTION, "getLast");
                case 21: return call(map.entrySet(), SEQUENCED_COLLECTION, "addFirst", Map.entry(1, "x"));
                default: throw new AssertionError(op);
            }
        } catch (RuntimeException e) {
            return e.getClass();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Integer, String> reversed(Map<Integer, String> map) {
        return (Map<Integer, String>) call(map, SEQUENCED_MAP, "reversed");
    }

    private static List<Object> entries(Collection<? extends Map.Entry<?, ?>> entries) {
        List<Object> list = new ArrayList<>();
        entries.forEach(e -> list.add(entry(e)));
        return list;
    }

    private static Object entry(Object o) {
        if (o == null) {
            return null;
        }
        Map.Entry<?, ?> e = (Map.Entry<?, ?>) o;
        return Arrays.asList(e.getKey(), e.getValue());
    }

    private static Object call(Object target, Class<?> type, String name, Object... args) {
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(name) && m.getParameterCount() == args.length)
                .findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no " + name));
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new AssertionError(e.getCause());
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    private static Class<?> type(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
