package io.cacheguard.agent.runtime.detector;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The clock of one synchronization object: everything released into it so far. Locks are the
 * detector's most frequent events and many threads acquire the same lock, so the clock is an
 * immutable array swapped by compare-and-set: an acquire reads it without any lock, a release
 * publishes a merged copy (and writes nothing when the releasing thread adds nothing new).
 */
public final class SyncClock {
    private static final long[] EMPTY = {};
    private static final VarHandle SNAPSHOT;

    static {
        try {
            SNAPSHOT = MethodHandles.lookup().findVarHandle(SyncClock.class, "snapshot", long[].class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private volatile long[] snapshot = EMPTY;

    /** What has been released into this object, for an acquiring thread to join. */
    long[] snapshot() {
        return snapshot;
    }

    /** Joins {@code released} in: afterwards the snapshot covers it. */
    void release(VectorClock released) {
        while (true) {
            long[] current = snapshot;
            long[] merged = released.joinedWith(current);
            if (merged == current || SNAPSHOT.compareAndSet(this, current, merged)) {
                return;
            }
        }
    }

    @Override
    public String toString() {
        return java.util.Arrays.toString(snapshot);
    }
}
