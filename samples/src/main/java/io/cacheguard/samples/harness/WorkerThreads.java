package io.cacheguard.samples.harness;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of threads released together onto one shared structure. Releasing them through a
 * gate only once all are running makes their first operations overlap, which is where a racy map
 * (resizing from empty) is most fragile; sleeping instead would make the overlap a matter of luck.
 */
public final class WorkerThreads {

    /** The work of one thread; {@code worker} numbers the threads from 0. */
    @FunctionalInterface
    public interface Body {
        void run(int worker) throws Exception;
    }

    private final List<Thread> threads;
    private final CountDownLatch finished;

    private WorkerThreads(List<Thread> threads, CountDownLatch finished) {
        this.threads = threads;
        this.finished = finished;
    }

    /** Starts {@code count} threads, waits until all are running, then releases them at once. */
    public static WorkerThreads startTogether(String name, int count, FirstViolation violations, Body body)
            throws InterruptedException {
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(count);
        NamedDaemonThreads factory = new NamedDaemonThreads(name);
        List<Thread> threads = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int worker = i;
            Thread thread = factory.newThread(() -> {
                try {
                    ready.countDown();
                    go.await();
                    body.run(worker);
                } catch (Throwable thrown) {
                    violations.report(thrown);
                } finally {
                    finished.countDown();
                }
            });
            threads.add(thread);
            thread.start();
        }
        ready.await();
        go.countDown();
        return new WorkerThreads(threads, finished);
    }

    /** Waits for every worker; the {@code timeout} only ever expires when a worker is looping. */
    public void awaitFinished(Duration timeout) throws InterruptedException, HangDetected {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new HangDetected("workers still running after " + timeout.toMillis() + " ms: "
                    + StuckThreads.describe(threads));
        }
    }
}
