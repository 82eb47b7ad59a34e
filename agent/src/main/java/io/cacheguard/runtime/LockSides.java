package io.cacheguard.runtime;

import io.cacheguard.detector.WeakIdentityMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * The happens-before edges of locks. A plain lock is one synchronization object. A read-write
 * lock (ReentrantReadWriteLock, StampedLock) has two sides: acquiring the read side sees what was
 * released by the write side only, so two readers never order each other (a write done under a
 * read lock still races); acquiring the write side sees both. The read and write {@link Lock}
 * objects a program uses are mapped to their lock when it obtains them.
 */
final class LockSides {
    /** A read or write view of a read-write lock. */
    private static final class Side {
        final Object writes;
        final Object reads;
        final boolean read;

        Side(Object writes, Object reads, boolean read) {
            this.writes = writes;
            this.reads = reads;
            this.read = read;
        }
    }

    private static final WeakIdentityMap<Side> VIEWS = new WeakIdentityMap<>();
    /** Each read-write lock's read-side clock holder (the lock itself holds the write side). */
    private static final WeakIdentityMap<Object> READ_SIDES = new WeakIdentityMap<>();

    private LockSides() {
    }

    /** {@code view} is the read ({@code read}) or write side of {@code owner}. */
    static void register(Object owner, Object view, boolean read) {
        if (owner == null || view == null || !Detection.enabled()) {
            return;
        }
        synchronized (VIEWS) {
            Object reads = READ_SIDES.computeIfAbsent(owner, o -> new Object());
            VIEWS.put(view, new Side(owner, reads, read));
        }
    }

    static void acquired(Lock lock) {
        Side side = sideOf(lock);
        if (side == null) {
            Detection.acquire(lock);
        } else {
            acquired(side.writes, side.reads, side.read);
        }
    }

    static void releasing(Lock lock) {
        Side side = sideOf(lock);
        if (side == null) {
            Detection.release(lock);
        } else {
            Detection.release(side.read ? side.reads : side.writes);
        }
    }

    static void acquiredStamped(StampedLock lock, boolean read) {
        acquired(lock, readSide(lock), read);
    }

    static void releasingStamped(StampedLock lock, boolean read) {
        Detection.release(read ? readSide(lock) : lock);
    }

    private static void acquired(Object writes, Object reads, boolean read) {
        Detection.acquire(writes);
        if (!read) {
            Detection.acquire(reads);
        }
    }

    private static Object readSide(Object owner) {
        synchronized (VIEWS) {
            return READ_SIDES.computeIfAbsent(owner, o -> new Object());
        }
    }

    private static Side sideOf(Lock lock) {
        if (!Detection.enabled()) {
            return null;
        }
        synchronized (VIEWS) {
            return VIEWS.get(lock);
        }
    }
}
