package io.cacheguard.agent.runtime;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;

/**
 * The {@code Lock} calls: lock and unlock as acquire and release of the lock's clock (the read or
 * write side of a read-write lock, see {@code LockSides}).
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
public final class LockHooks {
    private LockHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void lock(Lock lock) {
        lock.lock();
        LockSides.acquired(lock);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void lockInterruptibly(Lock lock) throws InterruptedException {
        lock.lockInterruptibly();
        LockSides.acquired(lock);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryLock(Lock lock) {
        boolean locked = lock.tryLock();
        if (locked) {
            LockSides.acquired(lock);
        }
        return locked;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean tryLock(Lock lock, long time, TimeUnit unit) throws InterruptedException {
        boolean locked = lock.tryLock(time, unit);
        if (locked) {
            LockSides.acquired(lock);
        }
        return locked;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void unlock(Lock lock) {
        LockSides.releasing(lock);
        lock.unlock();
    }

    /** After {@code readLock()}/{@code asReadLock()}: remember whose read side the view is. */
    @Hook(Hook.Kind.AROUND_CALL)
    public static void readView(Object owner, Object view) {
        LockSides.register(owner, view, true);
    }

    /** After {@code writeLock()}/{@code asWriteLock()}: remember whose write side the view is. */
    @Hook(Hook.Kind.AROUND_CALL)
    public static void writeView(Object owner, Object view) {
        LockSides.register(owner, view, false);
    }
}
