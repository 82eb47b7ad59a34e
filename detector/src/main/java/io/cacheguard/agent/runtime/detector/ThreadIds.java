package io.cacheguard.agent.runtime.detector;

import java.util.Arrays;

/**
 * Hands out detector thread ids and takes them back once their threads have ended, so that ids,
 * and with them every vector clock, stay as long as the number of threads alive at once rather
 * than of threads ever made: a server with a thread per task, or a program of virtual threads,
 * would otherwise run past {@link Epoch#MAX_THREADS} within days or minutes.
 *
 * <p>An ended thread's id is reused with a fresh epoch: the new owner's clock starts one past the
 * last event of the old, so a thread that saw the old owner's events has not seen the new one's.
 * What reuse gives up: an access of the old owner and one of the new are taken as ordered, since
 * one clock component cannot tell the two apart. They are at least ordered in time (the old owner
 * had ended before the new one began), and ids are reused oldest-freed first so that such a pair
 * is as far apart as it can be. The same trade-off ThreadSanitizer makes.
 *
 * <p>Ended threads are found by sweeping the owners for {@link Thread#isAlive()} false, which also
 * makes everything the ended thread did visible here (JLS 17.4.4). A sweep runs only when no id is
 * free and at least half as many ids were handed out since the last one as threads are alive, so it
 * costs a constant per new thread, and at most half again as many ids exist as threads are alive.
 * Threads given without a {@link Thread} (tests playing several threads in one) keep their ids.
 *
 * <p>Guarded by its own monitor; used only when a thread first meets the detector.
 */
final class ThreadIds {
    /** Sweeps are not worth it below this many new ids: a few ids more cost nothing. */
    private static final int MIN_SWEEP_INTERVAL = 64;

    /** By id: the thread that owns it, while it may be alive; null for free ids and ownerless ones. */
    private Thread[] owners = new Thread[16];
    private ThreadState[] states = new ThreadState[16];
    /** By id: the clock its next owner starts from. */
    private long[] nextStart = new long[16];
    /** Ended threads' ids, oldest-freed first (a ring). */
    private int[] free = new int[16];
    private int freeHead;
    private int freeCount;
    /** Ids ever handed out: every id below it exists. */
    private int next;
    /** Ids owned by a {@link Thread} that may still be alive. */
    private int owned;
    private int sinceSweep;

    /**
     * A state for a thread meeting the detector for the first time; {@code owner} is that thread,
     * or null for one that never ends.
     *
     * @throws IllegalStateException past {@link Epoch#MAX_THREADS} threads alive at once
     */
    synchronized ThreadState allocate(Thread owner, long threadId) {
        if (freeCount == 0 && sinceSweep >= Math.max(MIN_SWEEP_INTERVAL, owned / 2)) {
            sweep();
        }
        int tid;
        if (freeCount > 0) {
            tid = free[freeHead];
            freeHead = (freeHead + 1) % free.length;
            freeCount--;
        } else {
            if (next == Epoch.MAX_THREADS) {
                throw new IllegalStateException("more than " + Epoch.MAX_THREADS
                        + " threads alive at once: the detector cannot tell them apart");
            }
            tid = next++;
            grow(next);
            nextStart[tid] = 1;
        }
        sinceSweep++;
        ThreadState state = new ThreadState(tid, threadId, nextStart[tid]);
        if (owner != null) {
            owners[tid] = owner;
            states[tid] = state;
            owned++;
        }
        return state;
    }

    /** Ids handed out so far and not freed, for tests and diagnostics. */
    synchronized int inUse() {
        return next - freeCount;
    }

    /** The highest id ever handed out plus one: the length every vector clock can reach. */
    synchronized int span() {
        return next;
    }

    private void sweep() {
        sinceSweep = 0;
        for (int tid = 0; tid < next; tid++) {
            Thread owner = owners[tid];
            if (owner != null && !owner.isAlive()) {
                // The owner has ended, so its clock no longer changes: its last event is final.
                nextStart[tid] = states[tid].clock.get(tid) + 1;
                owners[tid] = null;
                states[tid] = null;
                owned--;
                enqueueFree(tid);
            }
        }
    }

    private void enqueueFree(int tid) {
        if (freeCount == free.length) {
            int[] larger = new int[free.length * 2];
            for (int i = 0; i < freeCount; i++) {
                larger[i] = free[(freeHead + i) % free.length];
            }
            free = larger;
            freeHead = 0;
        }
        free[(freeHead + freeCount) % free.length] = tid;
        freeCount++;
    }

    private void grow(int length) {
        if (length > owners.length) {
            int capacity = Math.max(length, owners.length * 2);
            owners = Arrays.copyOf(owners, capacity);
            states = Arrays.copyOf(states, capacity);
            nextStart = Arrays.copyOf(nextStart, capacity);
        }
    }
}
