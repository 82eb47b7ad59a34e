package io.cacheguard.agent.runtime.detector;

/**
 * FastTrack's epoch: one event of one thread, {@code clock@tid}, packed in a long so that the
 * common case (a map used by one thread at a time) costs one word instead of a vector clock.
 */
public final class Epoch {
    /** No event yet. */
    public static final long NONE = -1L;

    private static final int TID_BITS = 20;
    /** Detector thread ids are below this: at most this many threads can be alive and known at once. */
    public static final int MAX_THREADS = 1 << TID_BITS;
    private static final long CLOCK_MASK = (1L << (64 - TID_BITS - 1)) - 1;

    private Epoch() {
    }

    public static long of(int tid, long clock) {
        if (tid < 0 || tid >= MAX_THREADS) {
            throw new IllegalArgumentException("thread id out of range: " + tid);
        }
        return ((long) tid << (64 - TID_BITS - 1)) | (clock & CLOCK_MASK);
    }

    public static int tid(long epoch) {
        return (int) (epoch >>> (64 - TID_BITS - 1));
    }

    public static long clock(long epoch) {
        return epoch & CLOCK_MASK;
    }

    public static String toString(long epoch) {
        return epoch == NONE ? "none" : clock(epoch) + "@" + tid(epoch);
    }
}
