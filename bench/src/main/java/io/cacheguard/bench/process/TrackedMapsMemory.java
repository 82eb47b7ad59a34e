package io.cacheguard.bench.process;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * Memory of tracked maps, run in a child JVM per agent mode by {@link DetectorMemory}: one million
 * short-lived cache objects, each with its own map that one thread fills and drops, must leave the
 * heap at its baseline after a GC (shadow state dies with its map); and what each of 100,000
 * retained maps costs on top of the map itself. Prints {@code BASELINE}, {@code AFTER_CHURN} and
 * {@code PER_RETAINED_MAP} in bytes.
 */
public final class TrackedMapsMemory {
    private static final int CHURN = 1_000_000;
    private static final int RETAINED = 100_000;

    /** A cache object as legacy code makes them: one map per instance, filled by its creator. */
    static final class SessionCache {
        private final Map<String, String> cache = new HashMap<>();

        void remember(String key, String value) {
            cache.put(key, value);
        }

        String recall(String key) {
            return cache.get(key);
        }
    }

    public static void main(String[] args) {
        // The first maps load classes and set up per-thread and per-site state once; the baseline is
        // taken after them, so that what is left is what the million maps themselves leave behind.
        long checksum = churn(10_000);
        long baseline = usedAfterGc();
        checksum += churn(CHURN);
        long afterChurn = usedAfterGc();
        SessionCache[] kept = new SessionCache[RETAINED];
        long beforeRetained = usedAfterGc();
        for (int i = 0; i < RETAINED; i++) {
            kept[i] = new SessionCache();
            kept[i].remember("user", "u");
            checksum += kept[i].recall("user").length();
        }
        long afterRetained = usedAfterGc();
        System.out.println("BASELINE " + baseline);
        System.out.println("AFTER_CHURN " + afterChurn);
        System.out.println("PER_RETAINED_MAP " + (afterRetained - beforeRetained) / RETAINED);
        System.out.println("CHECKSUM " + checksum + " " + kept.length);
    }

    private static long churn(int maps) {
        long checksum = 0;
        for (int i = 0; i < maps; i++) {
            SessionCache session = new SessionCache();
            session.remember("user", "u" + (i & 1023));
            checksum += session.recall("user").length();
        }
        return checksum;
    }

    private static long usedAfterGc() {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
