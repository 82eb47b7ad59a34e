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
 * Four threads released together by a barrier, each looking up fresh keys of its own: on an
 * unsynchronized cache every lookup misses and puts, concurrently with the others' gets and puts.
 * Keys are fresh on every call, so that a second test on the same cache misses too (a warm cache
 * is only read, and reads never race), and each thread's own, so that every thread writes for as
 * long as it runs: with the same keys for all, a thread the scheduler let through first filled
 * them alone and left the others nothing but reads, and the watch (which sees only operations
 * that overlap in time) now and then missed the race on two cores. Bounded: every wait has a
 * deadline.
 */
final class Hammer {
    static final int THREADS = 4;
    static final int KEYS = 25_000;
    /** Fresh keys taken at a time by a thread that did its share while another has not. */
    private static final int EXTRA_KEYS = 1_000;

    private Hammer() {
    }

    private static final AtomicInteger NEXT_KEY = new AtomicInteger();

    static void hammer(IntFunction<String> lookup) throws InterruptedException {
        int first = NEXT_KEY.getAndAdd(THREADS * KEYS);
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicInteger finished = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int own = first + t * KEYS;
            Thread thread = new Thread(() -> {
                try {
                    start.await(30, TimeUnit.SECONDS);
                    for (int key = own; key < own + KEYS; key++) {
                        lookup.apply(key);
                    }
                    // Go on with fresh keys until every thread has done its share, so that the last
                    // one's share overlaps the others' lookups whatever order the scheduler ran
                    // them in (on a loaded machine a share can finish before the next thread runs).
                    finished.incrementAndGet();
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                    while (finished.get() < THREADS && System.nanoTime() - deadline < 0) {
                        int more = NEXT_KEY.getAndAdd(EXTRA_KEYS);
                        for (int key = more; key < more + EXTRA_KEYS; key++) {
                            lookup.apply(key);
                        }
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
