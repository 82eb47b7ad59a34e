package io.cacheguard.agent.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

/**
 * Runs a few workers that start at the same instant (a barrier, never a sleep) and waits for them up
 * to a deadline. Workers are daemon threads: a plain HashMap corrupted by a race can spin forever,
 * and such a run must end as a detected violation, not as a hung build.
 */
final class Race {
    static final int THREADS = 4;
    static final Duration DEADLINE = Duration.ofSeconds(60);

    /** What a run observed: the workers' exceptions and whether they all finished in time. */
    static final class Outcome {
        final List<Throwable> thrown;
        final boolean finished;

        Outcome(List<Throwable> thrown, boolean finished) {
            this.thrown = thrown;
            this.finished = finished;
        }

        boolean clean() {
            return finished && thrown.isEmpty();
        }

        @Override
        public String toString() {
            return (finished ? "finished" : "still running at the deadline") + ", thrown: " + thrown;
        }
    }

    @FunctionalInterface
    interface Worker {
        void run(int thread) throws Exception;
    }

    private Race() {
    }

    static Outcome run(Worker worker) {
        return run(DEADLINE, worker);
    }

    static Outcome run(Duration deadline, Worker worker) {
        int threads = THREADS;
        CyclicBarrier start = new CyclicBarrier(threads);
        CountDownLatch done = new CountDownLatch(threads);
        ConcurrentLinkedQueue<Throwable> thrown = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < threads; i++) {
            int id = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    worker.run(id);
                } catch (Throwable t) {
                    thrown.add(t);
                } finally {
                    done.countDown();
                }
            }, "race-" + id);
            thread.setDaemon(true);
            thread.start();
        }
        boolean finished;
        try {
            finished = done.await(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        return new Outcome(new ArrayList<>(thrown), finished);
    }
}
