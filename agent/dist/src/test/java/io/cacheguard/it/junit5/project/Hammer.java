package io.cacheguard.it.junit5.project;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Four threads released together by a barrier, each looking up the same fresh keys: on an
 * unsynchronized cache, misses put concurrently with the others' gets and puts, a race on nearly
 * every key. Keys are fresh on every call, so that a second test on the same cache misses too (a
 * warm cache is only read, and reads never race). Bounded: every wait has a deadline.
 */
final class Hammer {
    static final int THREADS = 4;
    static final int KEYS = 50_000;

    private Hammer() {
    }

    private static final AtomicInteger NEXT_KEY = new AtomicInteger();

    static void hammer(IntFunction<String> lookup) throws InterruptedException {
        int first = NEXT_KEY.getAndAdd(KEYS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    for (int key = first; key < first + KEYS; key++) {
                        lookup.apply(key);
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "hammer-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join(TimeUnit.SECONDS.toMillis(60));
            assertFalse(thread.isAlive(), thread.getName() + " still running after 60 s");
        }
        assertEquals(List.of(), failures);
    }
}
