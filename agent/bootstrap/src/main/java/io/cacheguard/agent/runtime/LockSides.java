package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.ReadWriteClocks;
import io.cacheguard.agent.runtime.detector.RecentClocks;
import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before edges of locks. A read-write lock (ReentrantReadWriteLock, StampedLock) has
 * two clocks (see {@link ReadWriteClocks}); a {@code ReentrantLock} is a write side of its own; a
 * {@code Lock} of unknown make is one synchronization object. The read and write {@link Lock}
 * objects a program uses are mapped to their lock's clocks when it obtains them. The clocks of the
 * JDK's reentrant locks are joined in place, since their hooks run only while the side is held;
 * others' are lock-free snapshots.
 *
 * <p>Lock operations are the detector's most frequent events, so each thread remembers the few
 * lock objects it used last with their clocks, and finds them without a shared table.
 */
final class LockSides {
    /** A read or write side of a read-write lock. */
    private static final class Side {
        final ReadWriteClocks clocks;
        final boolean read;

        Side(ReadWriteClocks clocks, boolean read) {
            this.clocks = clocks;
            this.read = read;
        }
    }

    /** A lock that is no view of a read-write lock, remembered as such. */
    private static final Side PLAIN = new Side(null, false);

    private static final WeakIdentityMap<Side> VIEWS = new WeakIdentityMap<>();
    private static final WeakIdentityMap<ReadWriteClocks> READ_WRITE_LOCKS = new WeakIdentityMap<>();
    /** Per thread: the last few lock objects and their sides. */
    private static final ThreadLocal<RecentClocks<Side>> RECENTLY_USED = ThreadLocal.withInitial(RecentClocks::new);

    private LockSides() {
    }

    /** {@code view} is the read ({@code read}) or write side of {@code owner}. */
    static void register(Object owner, Object view, boolean read) {
        if (owner == null || view == null || !Detection.enabled() || RECENTLY_USED.get().of(view) != null) {
            return; // a lock hands out the same view every time: registered once
        }
        Side side = VIEWS.get(view);
        if (side == null) {
            side = new Side(clocksOf(owner), read);
            VIEWS.put(view, side);
        }
        RECENTLY_USED.get().remember(view, side);
    }

    static void acquired(Lock lock) {
        Side side = sideOf(lock);
        if (side == PLAIN) {
            Detection.acquire(lock);
        } else {
            Detection.acquire(side.clocks, side.read);
        }
    }

    static void releasing(Lock lock) {
        Side side = sideOf(lock);
        if (side == PLAIN) {
            Detection.release(lock);
        } else {
            Detection.release(side.clocks, side.read);
        }
    }

    static void acquiredStamped(StampedLock lock, boolean read) {
        if (Detection.armed()) {
            Detection.acquire(stampedSide(lock).clocks, read);
        }
    }

    static void releasingStamped(StampedLock lock, boolean read) {
        if (Detection.armed()) {
            Detection.release(stampedSide(lock).clocks, read);
        }
    }

    /**
     * A {@code ReentrantReadWriteLock}'s hooks run holding the side they touch (the acquire after the
     * lock is taken, the release before it is given back); a {@code StampedLock}'s optimistic read
     * acquires holding nothing, and a {@code ReadWriteLock} of unknown make promises nothing.
     */
    private static ReadWriteClocks clocksOf(Object owner) {
        return READ_WRITE_LOCKS.computeIfAbsent(owner,
                o -> o instanceof ReentrantReadWriteLock ? ReadWriteClocks.held() : ReadWriteClocks.shared());
    }

    private static Side sideOf(Lock lock) {
        if (!Detection.armed()) {
            return PLAIN; // nothing to look up: the hook returns at once (a program with no tracked map)
        }
        RecentClocks<Side> recent = RECENTLY_USED.get();
        Side side = recent.of(lock);
        if (side == null) {
            side = lock instanceof ReentrantLock
                    ? VIEWS.computeIfAbsent(lock, l -> new Side(ReadWriteClocks.held(), false))
                    : VIEWS.get(lock);
            side = side == null ? PLAIN : side;
            recent.remember(lock, side);
        }
        return side;
    }

    /** A StampedLock's clocks, as a write side (the caller says which side it takes). */
    private static Side stampedSide(StampedLock lock) {
        RecentClocks<Side> recent = RECENTLY_USED.get();
        Side side = recent.of(lock);
        if (side == null) {
            side = new Side(clocksOf(lock), false);
            recent.remember(lock, side);
        }
        return side;
    }
}
