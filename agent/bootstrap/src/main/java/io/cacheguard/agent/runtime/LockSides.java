package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.SyncClock;
import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before edges of locks. A plain lock is one synchronization object. A read-write
 * lock (ReentrantReadWriteLock, StampedLock) has two clocks: acquiring the read side sees what the
 * write side released only, so two readers never order each other (a write done under a read lock
 * still races); acquiring the write side sees both. The read and write {@link Lock} objects a
 * program uses are mapped to their lock's clocks when it obtains them.
 *
 * <p>Lock operations are the detector's most frequent events, so each thread remembers the few
 * lock objects it used last with their clocks, and finds them without a shared table.
 */
final class LockSides {
    /** The two clocks of one read-write lock. */
    private static final class Clocks {
        final SyncClock writes = new SyncClock();
        final SyncClock reads = new SyncClock();
    }

    /** A read or write side of a read-write lock. */
    private static final class Side {
        final Clocks clocks;
        final boolean read;

        Side(Clocks clocks, boolean read) {
            this.clocks = clocks;
            this.read = read;
        }
    }

    /** A lock that is no view of a read-write lock, remembered as such. */
    private static final Side PLAIN = new Side(null, false);
    private static final int RECENT = 4;

    private static final WeakIdentityMap<Side> VIEWS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<Clocks> READ_WRITE_LOCKS = new WeakIdentityMap<>();
    /** Per thread: the last few lock objects and their sides, as pairs. */
    private static final ThreadLocal<Object[]> RECENTLY_USED = ThreadLocal.withInitial(() -> new Object[2 * RECENT + 1]);

    private LockSides() {
    }

    /** {@code view} is the read ({@code read}) or write side of {@code owner}. */
    static void register(Object owner, Object view, boolean read) {
        if (owner == null || view == null || !Detection.enabled() || recent(RECENTLY_USED.get(), view) != null) {
            return; // a lock hands out the same view every time: registered once
        }
        Side side = VIEWS.get(view);
        if (side == null) {
            side = new Side(clocksOf(owner), read);
            VIEWS.put(view, side);
        }
        remember(RECENTLY_USED.get(), view, side);
    }

    static void acquired(Lock lock) {
        Side side = sideOf(lock);
        if (side == PLAIN) {
            Detection.acquire(lock);
        } else {
            acquired(side.clocks, side.read);
        }
    }

    static void releasing(Lock lock) {
        Side side = sideOf(lock);
        if (side == PLAIN) {
            Detection.release(lock);
        } else {
            Detection.release(side.read ? side.clocks.reads : side.clocks.writes);
        }
    }

    static void acquiredStamped(StampedLock lock, boolean read) {
        acquired(stampedSide(lock).clocks, read);
    }

    static void releasingStamped(StampedLock lock, boolean read) {
        Clocks clocks = stampedSide(lock).clocks;
        Detection.release(read ? clocks.reads : clocks.writes);
    }

    private static void acquired(Clocks clocks, boolean read) {
        Detection.acquire(clocks.writes);
        if (!read) {
            Detection.acquire(clocks.reads);
        }
    }

    private static Clocks clocksOf(Object owner) {
        return READ_WRITE_LOCKS.computeIfAbsent(owner, o -> new Clocks());
    }

    private static Side sideOf(Lock lock) {
        if (lock instanceof ReentrantLock || !Detection.enabled()) {
            return PLAIN; // the common lock, told apart without a lookup
        }
        Object[] recent = RECENTLY_USED.get();
        Side side = recent(recent, lock);
        if (side == null) {
            side = VIEWS.get(lock);
            side = side == null ? PLAIN : side;
            remember(recent, lock, side);
        }
        return side;
    }

    /** A StampedLock's clocks, as a write side (the caller says which side it takes). */
    private static Side stampedSide(StampedLock lock) {
        Object[] recent = RECENTLY_USED.get();
        Side side = recent(recent, lock);
        if (side == null) {
            side = new Side(clocksOf(lock), false);
            remember(recent, lock, side);
        }
        return side;
    }

    private static Side recent(Object[] recent, Object lock) {
        for (int i = 0; i < 2 * RECENT; i += 2) {
            if (recent[i] == lock) {
                return (Side) recent[i + 1];
            }
        }
        return null;
    }

    /** The slot after the pairs says which pair to replace next. */
    private static void remember(Object[] recent, Object lock, Side side) {
        int next = recent[2 * RECENT] == null ? 0 : (Integer) recent[2 * RECENT];
        recent[2 * next] = lock;
        recent[2 * next + 1] = side;
        recent[2 * RECENT] = (next + 1) % RECENT;
    }
}
