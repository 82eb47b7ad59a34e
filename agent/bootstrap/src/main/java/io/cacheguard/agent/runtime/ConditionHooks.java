package io.cacheguard.agent.runtime;

import java.util.Date;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;

/**
 * The {@code Condition} calls: {@code await} releases the condition's lock and takes it again, as
 * {@code Object.wait} does the monitor's.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
public final class ConditionHooks {
    private ConditionHooks() {
    }

    /** {@code newCondition()}: remember the condition's lock, whose edges its {@code await} makes. */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static Condition newCondition(Lock lock) {
        Condition condition = lock.newCondition();
        Conditions.created(lock, condition);
        return condition;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void await(Condition condition) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            condition.await();
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean await(Condition condition, long time, TimeUnit unit) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.await(time, unit);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static long awaitNanos(Condition condition, long nanosTimeout) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.awaitNanos(nanosTimeout);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void awaitUninterruptibly(Condition condition) {
        Lock lock = Conditions.releasing(condition);
        try {
            condition.awaitUninterruptibly();
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean awaitUntil(Condition condition, Date deadline) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.awaitUntil(deadline);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void signal(Condition condition) {
        condition.signal();
        Conditions.signalled(condition);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void signalAll(Condition condition) {
        condition.signalAll();
        Conditions.signalled(condition);
    }
}
