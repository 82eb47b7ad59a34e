package io.cacheguard.agent.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

/**
 * Concurrent workloads with an exact expected outcome, each answering the violations it saw (none
 * for a thread-safe map). The same workloads run on a plain HashMap to prove they can see a race.
 */
final class Workloads {
    /**
     * Keys boxed once and kept reachable here: a guarded WeakHashMap must not lose an entry to the
     * collector in the middle of a check that counts lost entries.
     */
    static final Integer[] KEYS = IntStream.range(0, 100_000).boxed().toArray(Integer[]::new);

    private Workloads() {
    }

    /** Every thread puts its own keys, many enough to resize the table several times. */
    static List<String> disjointPuts(Map<Integer, Integer> map) {
        int perThread = KEYS.length / Race.THREADS;
        Race.Outcome outcome = Race.run(deadline(map), t -> {
            for (int i = 0; i < perThread; i++) {
                map.put(KEYS[t * perThread + i], i);
            }
        });
        List<String> violations = violations(outcome);
        if (outcome.finished) {
            int lost = 0;
            for (int t = 0; t < Race.THREADS; t++) {
                for (int i = 0; i < perThread; i++) {
                    lost += Objects.equals(map.get(KEYS[t * perThread + i]), i) ? 0 : 1;
                }
            }
            expect(violations, "lost entries", 0, lost);
            expect(violations, "size", KEYS.length, map.size());
        }
        return violations;
    }

    /** Counters incremented with merge by every thread: each must end at the exact number of increments. */
    static List<String> mergeCounts(Map<Integer, Integer> map) {
        return counts(map, (m, key) -> m.merge(key, 1, Integer::sum));
    }

    /** The same with compute, whose function sees the current count. */
    static List<String> computeCounts(Map<Integer, Integer> map) {
        return counts(map, (m, key) -> m.compute(key, (k, v) -> v == null ? 1 : v + 1));
    }

    private interface Increment {
        void apply(Map<Integer, Integer> map, Integer key);
    }

    private static List<String> counts(Map<Integer, Integer> map, Increment increment) {
        // Few counters, so that threads collide on one often enough for a plain HashMap to lose updates.
        int counters = 8;
        int perThread = counters * 12_800; // about 100k, and a multiple of the counters: every one gets the same
        Race.Outcome outcome = Race.run(deadline(map), t -> {
            for (int i = 0; i < perThread; i++) {
                increment.apply(map, KEYS[i % counters]);
            }
        });
        List<String> violations = violations(outcome);
        if (outcome.finished) {
            for (int k = 0; k < counters; k++) {
                expect(violations, "count of key " + k, Race.THREADS * perThread / counters, map.get(KEYS[k]));
            }
        }
        return violations;
    }

    /** All threads race to putIfAbsent the same keys: exactly one wins each, and its value stays. */
    static List<String> putIfAbsentRace(Map<Integer, Integer> map) {
        int keys = KEYS.length;
        AtomicIntegerArray wins = new AtomicIntegerArray(keys);
        AtomicIntegerArray winner = new AtomicIntegerArray(keys);
        Race.Outcome outcome = Race.run(deadline(map), t -> {
            for (int k = 0; k < keys; k++) {
                if (map.putIfAbsent(KEYS[k], t) == null) {
                    wins.incrementAndGet(k);
                    winner.set(k, t);
                }
            }
        });
        List<String> violations = violations(outcome);
        if (outcome.finished) {
            for (int k = 0; k < keys; k++) {
                expect(violations, "winners of key " + k, 1, wins.get(k));
                expect(violations, "value of key " + k, winner.get(k), map.get(KEYS[k]));
            }
        }
        return violations;
    }

    /** All threads computeIfAbsent the same keys: the function runs once per key and all see its value. */
    static List<String> computeIfAbsentRace(Map<Integer, Integer> map) {
        int keys = KEYS.length;
        AtomicIntegerArray calls = new AtomicIntegerArray(keys);
        int[][] seen = new int[Race.THREADS][keys];
        Race.Outcome outcome = Race.run(deadline(map), t -> {
            for (int k = 0; k < keys; k++) {
                int key = k;
                seen[t][k] = map.computeIfAbsent(KEYS[k], x -> {
                    calls.incrementAndGet(key);
                    return t;
                });
            }
        });
        List<String> violations = violations(outcome);
        if (outcome.finished) {
            for (int k = 0; k < keys; k++) {
                expect(violations, "calls for key " + k, 1, calls.get(k));
                for (int t = 0; t < Race.THREADS; t++) {
                    expect(violations, "value seen by thread " + t + " for key " + k, map.get(KEYS[k]), seen[t][k]);
                }
            }
        }
        return violations;
    }

    /** Reads, writes, removals, view traversals and entry writes on shared keys, all at once. */
    static List<String> mixedOperations(Map<Integer, Integer> map) {
        int keys = 2_000;
        Race.Outcome outcome = Race.run(deadline(map), t -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int i = 0; i < 50_000; i++) {
                Integer key = KEYS[random.nextInt(keys)];
                switch (random.nextInt(10)) {
                    case 0: map.remove(key); break;
                    case 1: map.merge(key, 1, Integer::sum); break;
                    case 2: map.computeIfPresent(key, (k, v) -> v + 1); break;
                    case 3: map.putIfAbsent(key, 0); break;
                    case 4:
                        if (i % 500 == 0) {
                            long sum = 0;
                            for (Map.Entry<Integer, Integer> e : map.entrySet()) {
                                sum += e.getValue();
                                if (e.getKey() % 7 == 0) {
                                    e.setValue(0);
                                }
                            }
                            Objects.requireNonNull(sum >= 0 ? Boolean.TRUE : null);
                        }
                        break;
                    case 5:
                        if (i % 1000 == 0) {
                            map.keySet().removeIf(k -> k % 97 == t);
                        }
                        break;
                    default: map.put(key, i); break;
                }
                map.get(KEYS[random.nextInt(keys)]);
            }
        });
        List<String> violations = violations(outcome);
        if (outcome.finished) {
            expect(violations, "size against the number of entries iterated", new ArrayList<>(map.entrySet()).size(), map.size());
        }
        return violations;
    }

    /**
     * A plain HashMap corrupted by a race can loop forever in a worker; such a run is a detected
     * violation, and waiting the full deadline for it would only slow the build.
     */
    private static Duration deadline(Map<?, ?> map) {
        return map instanceof GuardedMap ? Race.DEADLINE : Duration.ofSeconds(10);
    }

    private static List<String> violations(Race.Outcome outcome) {
        List<String> violations = new ArrayList<>();
        if (!outcome.clean()) {
            violations.add(outcome.toString());
        }
        return violations;
    }

    private static void expect(List<String> violations, String what, Object expected, Object actual) {
        if (!Objects.equals(expected, actual) && violations.size() < 20) {
            violations.add(what + ": expected " + expected + " but was " + actual);
        }
    }
}
