package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.WeakIdentityMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The happens-before edges of a {@link Condition}: {@code await} releases the condition's lock and
 * takes it again before it returns (or throws), so the detector sees an unlock of that lock before
 * the call and a lock after it, on the lock's side for a read-write lock's write-lock condition
 * (see {@link LockSides}). The lock is learnt where the program calls {@code newCondition()}; a
 * condition made in uninstrumented code (the JDK, an excluded library) stands for its unknown lock
 * itself: {@code signal} and {@code await} release into it, and {@code await} acquires it on return,
 * which still orders what a signaller did before the awaiter that wakes after it.
 */
final class Conditions {
    /** Each condition's lock; the lock never refers to its conditions, so a condition dies with its users. */
    private static final WeakIdentityMap<Lock> LOCKS = new WeakIdentityMap<>();

    private Conditions() {
    }

    /** {@code condition} came from {@code lock.newCondition()}. */
    static void created(Lock lock, Condition condition) {
        if (lock != null && condition != null && Detection.enabled()) {
            LOCKS.put(condition, lock);
        }
    }

    /**
     * Before {@code await}: the lock is about to be released. Answers the lock, or null when it is
     * unknown and the condition stands for it.
     */
    static Lock releasing(Condition condition) {
        if (!Detection.enabled()) {
            return null;
        }
        Lock lock = LOCKS.get(condition);
        if (lock != null) {
            LockSides.releasing(lock);
        } else {
            Detection.release(condition);
        }
        return lock;
    }

    /** After {@code await} returned or threw: the lock ({@link #releasing}'s answer) is held again. */
    static void reacquired(Condition condition, Lock lock) {
        if (lock != null) {
            LockSides.acquired(lock);
        } else {
            Detection.acquire(condition);
        }
    }

    /** After {@code signal}/{@code signalAll}: only a condition whose lock is unknown needs the edge. */
    static void signalled(Condition condition) {
        if (Detection.enabled() && LOCKS.get(condition) == null) {
            Detection.release(condition);
        }
    }
}
