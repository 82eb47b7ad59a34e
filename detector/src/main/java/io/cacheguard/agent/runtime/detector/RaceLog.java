package io.cacheguard.agent.runtime.detector;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns the detector's stream of races into reports a person can read: one report per distinct
 * (map field, earlier site, later site), later repeats only counted, and a cap on distinct reports
 * so that the output stays bounded whatever the program does. Thread-safe.
 */
public final class RaceLog implements RaceListener {
    private final RaceListener firstOccurrences;
    private final int maxDistinct;
    private final Map<Key, long[]> seen = new HashMap<>();
    /** Races per field, updated without a common lock: a hot racy map counts on every sampled access. */
    private final Map<String, LongAdder> perField = new ConcurrentHashMap<>();
    private final List<String> fieldOrder = new ArrayList<>();
    private final List<String> sampledFields = new ArrayList<>();
    private long dropped;

    /**
     * @param firstOccurrences receives each distinct race once, when first seen
     * @param maxDistinct      distinct races kept; beyond it races are only counted per field
     */
    public RaceLog(RaceListener firstOccurrences, int maxDistinct) {
        this.firstOccurrences = firstOccurrences;
        this.maxDistinct = maxDistinct;
    }

    @Override
    public void race(Race race) {
        count(race.map(), 1);
        boolean first;
        synchronized (this) {
            Key key = new Key(race);
            long[] count = seen.get(key);
            if (count != null) {
                count[0]++;
                return;
            }
            first = seen.size() < maxDistinct;
            if (first) {
                seen.put(key, new long[] {1});
            } else {
                dropped++;
            }
        }
        if (first) {
            firstOccurrences.race(race);
        }
    }

    @Override
    public void counted(String map, boolean patched) {
        count(map, 1);
    }

    @Override
    public synchronized void sampled(String map) {
        sampledFields.add(map);
    }

    /** Fields whose count is a lower bound: they raced so often that their accesses became sampled. */
    public synchronized List<String> sampledFields() {
        return new ArrayList<>(sampledFields);
    }

    private void count(String map, long races) {
        LongAdder count = perField.get(map);
        if (count == null) {
            synchronized (this) {
                count = perField.get(map);
                if (count == null) {
                    count = new LongAdder();
                    perField.put(map, count);
                    fieldOrder.add(map);
                }
            }
        }
        count.add(races);
    }

    /** Races seen per map field, repeats included, in the order fields first raced. */
    public synchronized Map<String, Long> countsPerField() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String field : fieldOrder) {
            counts.put(field, perField.get(field).sum());
        }
        return counts;
    }

    public synchronized int distinct() {
        return seen.size();
    }

    /** Distinct races that were only counted because the cap was reached. */
    public synchronized long overCap() {
        return dropped;
    }

    /** What makes two races the same report: the field and where each side ran. */
    private static final class Key {
        private final String map;
        private final Race.Kind kind;
        private final String earlier;
        private final StackTraceElement[] earlierStack;
        private final String later;
        private final StackTraceElement[] laterStack;

        Key(Race race) {
            this.map = race.map();
            this.kind = race.kind();
            this.earlier = race.earlier().operation();
            this.earlierStack = race.earlier().stack();
            this.later = race.later().operation();
            this.laterStack = race.later().stack();
        }

        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key)) {
                return false;
            }
            Key k = (Key) o;
            return map.equals(k.map) && kind == k.kind && earlier.equals(k.earlier) && later.equals(k.later)
                    && Arrays.equals(earlierStack, k.earlierStack) && Arrays.equals(laterStack, k.laterStack);
        }

        @Override
        public int hashCode() {
            return Objects.hash(map, kind, earlier, later) * 31 + Arrays.hashCode(earlierStack) * 17
                    + Arrays.hashCode(laterStack);
        }
    }
}
