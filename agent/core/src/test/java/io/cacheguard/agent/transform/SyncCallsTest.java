package io.cacheguard.agent.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which call sites become which hook method (the {@code @Hook}-marked methods of the runtime's hook classes). */
class SyncCallsTest {
    private static final String LOCKS = "java/util/concurrent/locks/";
    private static final String CONDITION = "(L" + LOCKS + "Condition;";

    @Test
    void everyConditionWaitAndSignalIsHookedOnTheInterfaceAndTheJdkClasses() {
        for (String owner : List.of(LOCKS + "Condition", LOCKS + "AbstractQueuedSynchronizer$ConditionObject",
                LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject")) {
            assertHook(owner, "await", "()V", CONDITION + ")V");
            assertHook(owner, "await", "(JLjava/util/concurrent/TimeUnit;)Z",
                    CONDITION + "JLjava/util/concurrent/TimeUnit;)Z");
            assertHook(owner, "awaitNanos", "(J)J", CONDITION + "J)J");
            assertHook(owner, "awaitUninterruptibly", "()V", CONDITION + ")V");
            assertHook(owner, "awaitUntil", "(Ljava/util/Date;)Z", CONDITION + "Ljava/util/Date;)Z");
            assertHook(owner, "signal", "()V", CONDITION + ")V");
            assertHook(owner, "signalAll", "()V", CONDITION + ")V");
        }
    }

    /** {@code newCondition()} is where a condition's lock is learnt, on every lock that has conditions. */
    @Test
    void newConditionIsHookedOnLocks() {
        for (String owner : List.of(LOCKS + "Lock", LOCKS + "ReentrantLock", LOCKS + "ReentrantReadWriteLock$WriteLock",
                LOCKS + "ReentrantReadWriteLock$ReadLock")) {
            assertHook(owner, "newCondition", "()L" + LOCKS + "Condition;",
                    "(L" + LOCKS + "Lock;)L" + LOCKS + "Condition;");
        }
    }

    @Test
    void transfersAreHookedOnTransferQueues() {
        for (String owner : List.of("java/util/concurrent/TransferQueue", "java/util/concurrent/LinkedTransferQueue")) {
            String queue = "(Ljava/util/concurrent/TransferQueue;Ljava/lang/Object;";
            assertHook(owner, "transfer", "(Ljava/lang/Object;)V", queue + ")V");
            assertHook(owner, "tryTransfer", "(Ljava/lang/Object;)Z", queue + ")Z");
            assertHook(owner, "tryTransfer", "(Ljava/lang/Object;JLjava/util/concurrent/TimeUnit;)Z",
                    queue + "JLjava/util/concurrent/TimeUnit;)Z");
        }
    }

    /** Through the interface and the JDK class; a blocking queue's and an executor's calls keep their own hooks. */
    @Test
    void completionServiceCallsAreHookedOnTheInterfaceAndExecutorCompletionService() {
        String juc = "java/util/concurrent/";
        String service = "(L" + juc + "CompletionService;";
        String future = "L" + juc + "Future;";
        for (String owner : List.of(juc + "CompletionService", juc + "ExecutorCompletionService")) {
            assertHook(owner, "submit", "(L" + juc + "Callable;)" + future, service + "L" + juc + "Callable;)" + future);
            assertHook(owner, "submit", "(Ljava/lang/Runnable;Ljava/lang/Object;)" + future,
                    service + "Ljava/lang/Runnable;Ljava/lang/Object;)" + future);
            assertHook(owner, "take", "()" + future, service + ")" + future);
            assertHook(owner, "poll", "()" + future, service + ")" + future);
            assertHook(owner, "poll", "(JL" + juc + "TimeUnit;)" + future, service + "JL" + juc + "TimeUnit;)" + future);
        }
        assertHook(juc + "LinkedBlockingQueue", "take", "()Ljava/lang/Object;",
                "(L" + juc + "BlockingQueue;)Ljava/lang/Object;");
        assertHook(juc + "ThreadPoolExecutor", "submit", "(L" + juc + "Callable;)" + future,
                "(L" + juc + "ExecutorService;L" + juc + "Callable;)" + future);
    }

    /** The latch's and the barrier's {@code await} keep their own hooks; other classes' keep their calls. */
    @Test
    void otherAwaitsAreToldApartByOwner() {
        assertHook("java/util/concurrent/CountDownLatch", "await", "()V", "(Ljava/util/concurrent/CountDownLatch;)V");
        assertHook("java/util/concurrent/CyclicBarrier", "await", "()I", "(Ljava/util/concurrent/CyclicBarrier;)I");
        assertNull(SyncCalls.replacementFor(false, "com/acme/Gate", "await", "()V"));
        assertNull(SyncCalls.replacementFor(false, "com/acme/Gate", "signalAll", "()V"));
    }

    private static void assertHook(String owner, String name, String descriptor, String hookDescriptor) {
        SyncCalls.Replacement replacement = SyncCalls.replacementFor(false, owner, name, descriptor);
        assertNotNull(replacement, owner + "." + name + descriptor);
        assertEquals(name, replacement.hook, owner + "." + name + descriptor);
        assertEquals(hookDescriptor, replacement.hookDescriptor, owner + "." + name + descriptor);
    }
}
