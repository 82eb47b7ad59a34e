package io.cacheguard.legacy;

import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One round of a race driver: a few worker threads released at the same instant, watched until
 * they end. A map corrupted by a race shows either as an exception or as a worker that spins
 * without progress (a cycle in a bucket chain), so a round ends {@link Kind#DONE done},
 * {@link Kind#FAILED failed} or {@link Kind#HUNG hung}. Progress, not elapsed time, tells a spinning
 * worker from a slow one: a worker on a busy machine still ticks, a worker in a cycle never does.
 * Workers are daemon threads, since a hung one can never be stopped and the driver must still exit.
 */
final class Round {
    /** How a round ended. */
    enum Kind { DONE, FAILED, HUNG }

    /** One worker's share of the round. */
    @FunctionalInterface
    interface Work {
        /**
         * @param worker this worker's index, 0-based
         * @param tick   to call after each completed step, so a stalled worker can be told apart
         */
        void run(int worker, Runnable tick) throws Exception;
    }

    /** What a round observed. */
    static final class Outcome {
        final Kind kind;
        /** The first failure, for {@link Kind#FAILED}. */
        final Throwable failure;
        /** The stalled worker's stack, for {@link Kind#HUNG}. */
        final StackTraceElement[] stalledAt;
        final long stalledMillis;

        private Outcome(Kind kind, Throwable failure, StackTraceElement[] stalledAt, long stalledMillis) {
            this.kind = kind;
            this.failure = failure;
            this.stalledAt = stalledAt;
            this.stalledMillis = stalledMillis;
        }
    }

    private static final long POLL_MILLIS = 50;

    private Round() {
    }

    /**
     * Runs {@code workers} threads of {@code work} from one starting signal and waits until all end,
     * one fails (the others are left to finish on their own), or one makes no progress for
     * {@code stallMillis}.
     */
    static Outcome run(String name, int workers, long stallMillis, Work work) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(workers);
        AtomicLongArray ticks = new AtomicLongArray(workers);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread[] threads = new Thread[workers];
        for (int i = 0; i < workers; i++) {
            int worker = i;
            threads[i] = new Thread(() -> {
                try {
                    start.await();
                    work.run(worker, () -> ticks.incrementAndGet(worker));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    finished.countDown();
                }
            }, name + "-worker-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        start.countDown();

        long[] lastTicks = new long[workers];
        long[] lastChange = new long[workers];
        long now = System.nanoTime();
        Arrays.fill(lastChange, now);
        while (!finished.await(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
            if (failure.get() != null) {
                return new Outcome(Kind.FAILED, failure.get(), null, 0);
            }
            now = System.nanoTime();
            for (int i = 0; i < workers; i++) {
                if (!threads[i].isAlive()) {
                    continue;
                }
                long seen = ticks.get(i);
                if (seen != lastTicks[i]) {
                    lastTicks[i] = seen;
                    lastChange[i] = now;
                } else if ((now - lastChange[i]) / 1_000_000 >= stallMillis) {
                    return new Outcome(Kind.HUNG, null, threads[i].getStackTrace(), (now - lastChange[i]) / 1_000_000);
                }
            }
        }
        Throwable thrown = failure.get();
        return thrown == null ? new Outcome(Kind.DONE, null, null, 0) : new Outcome(Kind.FAILED, thrown, null, 0);
    }
}
