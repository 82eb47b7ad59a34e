package io.cacheguard.detector;

/** A thread as the detector knows it: its id and its vector clock. Used only by that thread. */
public final class ThreadState {
    final int tid;
    final VectorClock clock = new VectorClock();

    ThreadState(int tid) {
        this.tid = tid;
        clock.set(tid, 1);
    }

    public int tid() {
        return tid;
    }

    /** This thread's current epoch. */
    long epoch() {
        return clock.epoch(tid);
    }
}
