package io.cacheguard.detector;

/** A thread as the detector knows it: its id and its vector clock. Used only by that thread. */
public final class ThreadState {
    final int tid;
    /** The Java thread's id, to tell whether a remembered site is this thread's. */
    final long threadId;
    final VectorClock clock = new VectorClock();

    ThreadState(int tid, long threadId) {
        this.tid = tid;
        this.threadId = threadId;
        clock.set(tid, 1);
    }

    public int tid() {
        return tid;
    }

    /**
     * The clocks of the few synchronization objects this thread used last, so that a lock taken
     * again and again is found without the shared table's lock. Holding them keeps at most
     * {@link #RECENT} objects alive per live thread.
     */
    private static final int RECENT = 4;
    private final Object[] recentSyncs = new Object[RECENT];
    private final SyncClock[] recentClocks = new SyncClock[RECENT];
    private int nextRecent;

    SyncClock recentClock(Object sync) {
        for (int i = 0; i < RECENT; i++) {
            if (recentSyncs[i] == sync) {
                return recentClocks[i];
            }
        }
        return null;
    }

    void rememberClock(Object sync, SyncClock clock) {
        recentSyncs[nextRecent] = sync;
        recentClocks[nextRecent] = clock;
        nextRecent = (nextRecent + 1) % RECENT;
    }

    public long threadId() {
        return threadId;
    }

    /** This thread's current epoch. */
    long epoch() {
        return clock.epoch(tid);
    }
}
