package io.cacheguard.agent.runtime.detector;

/**
 * The clock of a lock that its hooks only ever touch while holding it: a monitor (entered, left,
 * waited on), a {@code ReentrantLock}, the write side of a {@code ReentrantReadWriteLock}. The
 * program's own lock then orders every access to this clock, so a release joins the thread's clock
 * into it in place: no copy, no compare-and-set. A {@link SyncClock} allocated a merged copy on every
 * release instead, the seed sample's largest cost under {@code hb} (some 30,000 a round), since
 * it must serve objects that are released and acquired without any lock held (a volatile, a latch).
 *
 * <p>A program that unlocks what it does not hold gets {@code IllegalMonitorStateException} from
 * the lock after this clock was already joined into unguarded: the clock may then lose that join
 * (a missed edge, reported as a race), never throw.
 */
public final class HeldClock {
    private static final long[] EMPTY = {};

    /** Everything released into this lock so far; replaced only to grow. Guarded by the lock itself. */
    private long[] released = EMPTY;

    void acquireInto(VectorClock thread) {
        thread.join(released);
    }

    void releaseFrom(VectorClock thread) {
        released = thread.joinInto(released);
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(released);
    }
}
