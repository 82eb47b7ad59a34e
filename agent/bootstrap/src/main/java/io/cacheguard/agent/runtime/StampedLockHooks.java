package io.cacheguard.agent.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.StampedLock;

/**
 * The {@code StampedLock} calls: write and read stamps as acquires, their unlocks as releases.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
public final class StampedLockHooks {
    private StampedLockHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long writeLock(StampedLock lock) {
        return stamped(lock, lock.writeLock(), false);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long writeLockInterruptibly(StampedLock lock) throws InterruptedException {
        return stamped(lock, lock.writeLockInterruptibly(), false);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long tryWriteLock(StampedLock lock) {
        return stamped(lock, lock.tryWriteLock(), false);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long tryWriteLock(StampedLock lock, long time, TimeUnit unit) throws InterruptedException {
        return stamped(lock, lock.tryWriteLock(time, unit), false);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long readLock(StampedLock lock) {
        return stamped(lock, lock.readLock(), true);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long readLockInterruptibly(StampedLock lock) throws InterruptedException {
        return stamped(lock, lock.readLockInterruptibly(), true);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long tryReadLock(StampedLock lock) {
        return stamped(lock, lock.tryReadLock(), true);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long tryReadLock(StampedLock lock, long time, TimeUnit unit) throws InterruptedException {
        return stamped(lock, lock.tryReadLock(time, unit), true);
    }

    /** An optimistic read sees the last write release; reads that overlap a write are reported. */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static long tryOptimisticRead(StampedLock lock) {
        return stamped(lock, lock.tryOptimisticRead(), true);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void unlockWrite(StampedLock lock, long stamp) {
        LockSides.releasingStamped(lock, false);
        lock.unlockWrite(stamp);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void unlockRead(StampedLock lock, long stamp) {
        LockSides.releasingStamped(lock, true);
        lock.unlockRead(stamp);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void unlock(StampedLock lock, long stamp) {
        LockSides.releasingStamped(lock, !StampedLock.isWriteLockStamp(stamp));
        lock.unlock(stamp);
    }

    private static long stamped(StampedLock lock, long stamp, boolean read) {
        if (stamp != 0L) {
            LockSides.acquiredStamped(lock, read);
        }
        return stamp;
    }
}
