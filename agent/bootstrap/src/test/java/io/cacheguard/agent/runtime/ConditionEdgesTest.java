package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code Condition.await} releases the condition's lock and takes it again, so a consumer that
 * awaits under the lock sees what the producer did under it before signalling. Each test plays
 * instrumented code by calling the hooks ({@link ConditionHooks}, {@link LockHooks}) as the rewritten call sites do, and always in the
 * same order whatever the schedule: the consumer holds the lock when it starts the producer, so the
 * producer can only take it once the consumer awaits.
 */
@Timeout(60)
class ConditionEdgesTest {
    private static final long BOUND_NANOS = TimeUnit.SECONDS.toNanos(10);

    /** One way of awaiting the condition, each bounded but the untimed ones (the signal always comes). */
    @FunctionalInterface
    private interface Await {
        void await(Condition condition) throws InterruptedException;
    }

    @FunctionalInterface
    private interface Signal {
        void signal(Condition condition);
    }

    @BeforeAll
    static void detectorOn() {
        DetectedRaces.on();
    }

    @Test
    void everyAwaitSeesWhatTheSignallerDidUnderTheLock() throws Exception {
        Map<String, Await> awaits = Map.of(
                "await", ConditionHooks::await,
                "awaitTimed", c -> ConditionHooks.await(c, 100, TimeUnit.MILLISECONDS),
                "awaitNanos", c -> ConditionHooks.awaitNanos(c, TimeUnit.MILLISECONDS.toNanos(100)),
                "awaitUntil", c -> ConditionHooks.awaitUntil(c, new Date(System.currentTimeMillis() + 100)),
                "awaitUninterruptibly", ConditionHooks::awaitUninterruptibly);
        for (Map.Entry<String, Await> await : awaits.entrySet()) {
            for (boolean all : new boolean[] {false, true}) {
                String label = "ConditionEdgesTest." + await.getKey() + (all ? ".signalAll" : ".signal");
                ReentrantLock lock = new ReentrantLock();
                Condition condition = ConditionHooks.newCondition(lock);
                handOff(label, lock, condition, await.getValue(), all ? ConditionHooks::signalAll : ConditionHooks::signal);
                assertEquals(List.of(), DetectedRaces.on(label), label);
            }
        }
    }

    /** The same hand-off with the condition's calls left as they are: the consumer's read races. */
    @Test
    void anAwaitTheDetectorDoesNotSeeLeavesTheHandOffRacy() throws Exception {
        String label = "ConditionEdgesTest.unhooked";
        ReentrantLock lock = new ReentrantLock();
        Condition condition = ConditionHooks.newCondition(lock);
        handOff(label, lock, condition, c -> c.await(100, TimeUnit.MILLISECONDS), Condition::signalAll);
        assertFalse(DetectedRaces.on(label).isEmpty(), "the check sees a missing edge");
    }

    /**
     * A write lock's condition releases and takes the write side of its read-write lock, where the
     * producer's unlock released: were it taken as a lock of its own, the read would race.
     */
    @Test
    void aWriteLockConditionAwaitsOnTheWriteSide() throws Exception {
        String label = "ConditionEdgesTest.writeLock";
        ReentrantReadWriteLock locks = new ReentrantReadWriteLock();
        Lock writeLock = locks.writeLock();
        LockHooks.writeView(locks, writeLock);
        handOff(label, writeLock, ConditionHooks.newCondition(writeLock), ConditionHooks::await, ConditionHooks::signalAll);
        assertEquals(List.of(), DetectedRaces.on(label));
        Lock readLock = locks.readLock();
        LockHooks.readView(locks, readLock);
        assertThrows(UnsupportedOperationException.class, () -> ConditionHooks.newCondition(readLock));
    }

    /**
     * A condition made where the detector did not see {@code newCondition()} stands for its lock:
     * the signal releases into it and the await acquires it on return.
     */
    @Test
    void aConditionOfAnUnknownLockStillOrdersTheSignallerBeforeTheAwaiter() throws Exception {
        String label = "ConditionEdgesTest.unknownLock";
        ReentrantLock lock = new ReentrantLock();
        Condition condition = lock.newCondition(); // as if made in uninstrumented code
        handOff(label, lock, condition, c -> ConditionHooks.awaitNanos(c, TimeUnit.MILLISECONDS.toNanos(100)),
                ConditionHooks::signal);
        assertEquals(List.of(), DetectedRaces.on(label));
    }

    /**
     * The consumer (this thread) locks, starts the producer and awaits until the producer has put
     * under the lock and signalled; then it reads, and joins the producer.
     */
    private static void handOff(String label, Lock lock, Condition condition, Await await,
                                                Signal signal) throws Exception {
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        boolean[] ready = {false}; // guarded by lock
        Thread producer = new Thread(() -> {
            LockHooks.lock(lock);
            try {
                cache.put("answer", 42);
                ready[0] = true;
                signal.signal(condition);
            } finally {
                LockHooks.unlock(lock);
            }
        }, label);
        LockHooks.lock(lock);
        try {
            ThreadHooks.starting(producer);
            producer.start();
            long deadline = System.nanoTime() + BOUND_NANOS;
            while (!ready[0]) {
                assertTrue(System.nanoTime() < deadline, "never signalled");
                await.await(condition);
            }
            assertEquals(42, cache.get("answer"));
        } finally {
            LockHooks.unlock(lock);
        }
        ThreadHooks.join(producer, 10_000);
        assertFalse(producer.isAlive());
    }
}
