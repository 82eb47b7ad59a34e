package io.cacheguard.agent.runtime;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.BrokenBarrierException;

/**
 * The {@code CountDownLatch}, {@code CyclicBarrier} and {@code Semaphore} calls: a count-down, an
 * arrival or a release publishes what came before it to whoever the latch, the barrier or the
 * permit lets through.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
public final class SynchronizerHooks {
    private SynchronizerHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void countDown(CountDownLatch latch) {
        Detection.releaseGathered(latch);
        latch.countDown();
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        Detection.acquireGathered(latch);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit) throws InterruptedException {
        boolean opened = latch.await(timeout, unit);
        if (opened) {
            Detection.acquireGathered(latch);
        }
        return opened;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static int await(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException {
        Detection.release(barrier);
        int index = barrier.await();
        Detection.acquire(barrier);
        return index;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static int await(CyclicBarrier barrier, long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Detection.release(barrier);
        int index = barrier.await(timeout, unit);
        Detection.acquire(barrier);
        return index;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void release(Semaphore semaphore) {
        Detection.release(semaphore);
        semaphore.release();
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void release(Semaphore semaphore, int permits) {
        Detection.release(semaphore);
        semaphore.release(permits);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void acquire(Semaphore semaphore) throws InterruptedException {
        semaphore.acquire();
        Detection.acquire(semaphore);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void acquire(Semaphore semaphore, int permits) throws InterruptedException {
        semaphore.acquire(permits);
        Detection.acquire(semaphore);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void acquireUninterruptibly(Semaphore semaphore) {
        semaphore.acquireUninterruptibly();
        Detection.acquire(semaphore);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void acquireUninterruptibly(Semaphore semaphore, int permits) {
        semaphore.acquireUninterruptibly(permits);
        Detection.acquire(semaphore);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryAcquire(Semaphore semaphore) {
        return acquiredIf(semaphore, semaphore.tryAcquire());
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryAcquire(Semaphore semaphore, int permits) {
        return acquiredIf(semaphore, semaphore.tryAcquire(permits));
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit) throws InterruptedException {
        return acquiredIf(semaphore, semaphore.tryAcquire(timeout, unit));
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit)
            throws InterruptedException {
        return acquiredIf(semaphore, semaphore.tryAcquire(permits, timeout, unit));
    }

    private static boolean acquiredIf(Object sync, boolean acquired) {
        if (acquired) {
            Detection.acquire(sync);
        }
        return acquired;
    }
}
