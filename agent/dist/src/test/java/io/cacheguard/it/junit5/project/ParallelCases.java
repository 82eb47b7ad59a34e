package io.cacheguard.it.junit5.project;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Run with parallel execution on (two workers): both tests are running when the racy one's races
 * are reported, which they prove with latches (a test alone times out and fails), so a race that
 * went to every running test would fail the safe one too.
 */
public class ParallelCases {
    private static final CountDownLatch BOTH_RUNNING = new CountDownLatch(2);
    private static final CountDownLatch RACY_DONE = new CountDownLatch(1);

    @Test
    void racyCache() throws InterruptedException {
        meetTheOther();
        try {
            Hammer.hammer(RacyCache::lookup);
        } finally {
            RACY_DONE.countDown();
        }
    }

    @Test
    void synchronizedCache() throws InterruptedException {
        meetTheOther();
        Hammer.hammer(SynchronizedCache::lookup);
        assertTrue(RACY_DONE.await(60, TimeUnit.SECONDS), "the racy test never finished hammering");
    }

    private static void meetTheOther() throws InterruptedException {
        BOTH_RUNNING.countDown();
        assertTrue(BOTH_RUNNING.await(60, TimeUnit.SECONDS), "the two tests did not run in parallel");
    }
}
