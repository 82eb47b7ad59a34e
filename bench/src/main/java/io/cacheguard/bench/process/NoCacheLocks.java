package io.cacheguard.bench.process;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A program with no cache at all: two threads, a {@code synchronized} counter and a
 * {@code ReentrantLock} ledger, {@code OPS} operations each, timed inside the program. What a
 * detector costs a program it has nothing to find in. Copied alone into a directory by
 * {@link DetectorModesOverhead}, so no agent class is on its class path.
 * Usage: {@code java -cp DIR io.cacheguard.bench.process.NoCacheLocks OPS}; prints {@code millis N}.
 */
public final class NoCacheLocks {
    private long counter;
    private long ledger;
    private final ReentrantLock ledgerLock = new ReentrantLock();

    private synchronized void count() {
        counter++;
    }

    private void book(long amount) {
        ledgerLock.lock();
        try {
            ledger += amount;
        } finally {
            ledgerLock.unlock();
        }
    }

    public static void main(String[] args) throws Exception {
        long ops = Long.parseLong(args[0]);
        NoCacheLocks program = new NoCacheLocks();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] threads = new Thread[2];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (long i = 0; i < ops; i++) {
                    program.count();
                    program.book(i & 7);
                }
            });
            threads[t].start();
        }
        long begin = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        if (program.counter != 2 * ops) {
            throw new IllegalStateException("lost counts: " + program.counter);
        }
        System.out.println("millis " + millis);
    }
}
