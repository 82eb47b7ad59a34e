package io.cacheguard.bench.process;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * Millions of short-lived threads touching a racy cache, run under the agent by
 * {@link ThreadChurnDetection}: threads are started a batch at a time, each puts into
 * {@link ChurnCache} with no lock, and the batch is joined before the next starts, so the live
 * threads stay few while the threads ever made reach millions. Then two fresh threads race on
 * {@link LateCache}, a cache no thread touched before: the detector must still be on and see it.
 *
 * <p>Usage: {@code ThreadChurn platform|virtual THREADS BATCH}. Prints {@code HEAP <threads> <bytes>}
 * after a GC at every tenth of the churn, then {@code LATE_RACE_RAN}.
 */
public final class ThreadChurn {
    /** The racy cache every churned thread writes: a static map with unlocked get-then-put. */
    static final class ChurnCache {
        private static final Map<Integer, Integer> SEEN = new HashMap<>();

        static void remember(int key) {
            if (SEEN.get(key) == null) {
                SEEN.put(key, key);
            }
        }
    }

    /** A racy cache used only after the churn. */
    static final class LateCache {
        private static final Map<Integer, Integer> LATE = new HashMap<>();

        static void remember(int key) {
            LATE.put(key, key);
        }
    }

    private ThreadChurn() {
    }

    public static void main(String[] args) throws Exception {
        boolean virtual = args[0].equals("virtual");
        int threads = Integer.parseInt(args[1]);
        int batch = Integer.parseInt(args[2]);
        Method startVirtual = virtual ? Thread.class.getMethod("startVirtualThread", Runnable.class) : null;
        Thread[] running = new Thread[batch];
        int tenth = Math.max(1, threads / 10);
        report(0);
        for (int made = 0; made < threads; ) {
            int size = Math.min(batch, threads - made);
            for (int i = 0; i < size; i++) {
                int key = (made + i) & 1023;
                Runnable touch = () -> ChurnCache.remember(key);
                running[i] = virtual ? (Thread) startVirtual.invoke(null, touch) : start(new Thread(touch));
            }
            for (int i = 0; i < size; i++) {
                running[i].join();
            }
            int before = made;
            made += size;
            if (made / tenth != before / tenth) {
                report(made);
            }
        }
        Thread first = new Thread(() -> LateCache.remember(1));
        Thread second = new Thread(() -> LateCache.remember(2));
        first.start(); // both started before either is joined: nothing orders their puts
        second.start();
        first.join();
        second.join();
        System.out.println("LATE_RACE_RAN");
        System.out.println("DETECTOR_THREAD_IDS " + detectorThreadIds());
    }

    /**
     * How many detector thread ids exist (the length a vector clock can reach) and how many are in
     * use, read from the agent's detector by reflection; "unknown" without one.
     */
    private static String detectorThreadIds() {
        try {
            java.lang.reflect.Field field = Class.forName("io.cacheguard.agent.runtime.Detection")
                    .getDeclaredField("detector");
            field.setAccessible(true);
            Object detector = field.get(null);
            if (detector == null) {
                return "off";
            }
            try {
                return detector.getClass().getMethod("threadIdSpan").invoke(detector) + " span, "
                        + detector.getClass().getMethod("threadIdsInUse").invoke(detector) + " in use";
            } catch (NoSuchMethodException beforeReuse) { // an agent from before ids were reused
                java.lang.reflect.Field next = detector.getClass().getDeclaredField("nextTid");
                next.setAccessible(true);
                return next.get(detector) + " span, never reused";
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private static Thread start(Thread thread) {
        thread.start();
        return thread;
    }

    private static void report(int made) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        System.out.println("HEAP " + made + " " + used);
    }
}
