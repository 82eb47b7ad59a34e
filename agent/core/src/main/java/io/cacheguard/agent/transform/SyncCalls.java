package io.cacheguard.agent.transform;

import io.cacheguard.agent.runtime.CollectionHooks;
import io.cacheguard.agent.runtime.CompletableFutureHooks;
import io.cacheguard.agent.runtime.CompletionServiceHooks;
import io.cacheguard.agent.runtime.ConditionHooks;
import io.cacheguard.agent.runtime.ExecutorHooks;
import io.cacheguard.agent.runtime.Hook;
import io.cacheguard.agent.runtime.LockHooks;
import io.cacheguard.agent.runtime.StampedLockHooks;
import io.cacheguard.agent.runtime.SynchronizerHooks;
import io.cacheguard.agent.runtime.ThreadHooks;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Type;

/**
 * Which call sites are synchronization the detector must see, and the hook method that replaces
 * each: every method of the hook classes marked {@link Hook.Kind#REPLACES_CALL} or
 * {@link Hook.Kind#REPLACES_STATIC_CALL}, by its name and parameters. A hook {@code unlock(Lock)}
 * replaces {@code unlock()} called on any type the table lists for {@code Lock} (the interface and
 * the JDK classes implementing it); the owners are named, never guessed, because a hook's receiver
 * type must accept the call's receiver.
 */
final class SyncCalls {
    /** The classes holding the hooks, one per kind of synchronizer; {@code RuntimeCallTest} checks none is missing. */
    static final List<Class<?>> HOOK_CLASSES = List.of(LockHooks.class, ConditionHooks.class, StampedLockHooks.class,
            ThreadHooks.class, ExecutorHooks.class, CompletionServiceHooks.class, CompletableFutureHooks.class,
            SynchronizerHooks.class, CollectionHooks.class);
    private static final String JUC = "java/util/concurrent/";
    private static final String LOCKS = JUC + "locks/";
    private static final List<String> EXECUTORS = List.of(JUC + "ExecutorService", JUC + "ScheduledExecutorService",
            JUC + "AbstractExecutorService", JUC + "ThreadPoolExecutor", JUC + "ScheduledThreadPoolExecutor",
            JUC + "ForkJoinPool");
    private static final List<String> BLOCKING_QUEUES = List.of(JUC + "BlockingQueue", JUC + "BlockingDeque",
            JUC + "TransferQueue", JUC + "LinkedBlockingQueue", JUC + "ArrayBlockingQueue", JUC + "LinkedBlockingDeque",
            JUC + "PriorityBlockingQueue", JUC + "LinkedTransferQueue", JUC + "SynchronousQueue");

    /** Receiver type of a hook → the call owners it stands for. */
    private static final Map<String, List<String>> OWNERS = owners();
    /** The owner of every static call a hook replaces. */
    private static final String COMPLETABLE_FUTURE = JUC + "CompletableFuture";

    /** One replacement: the hook's class, name and descriptor (a reference result is cast back to the call's type). */
    static final class Replacement {
        final String owner;
        final String hook;
        final String hookDescriptor;

        Replacement(Method hook) {
            this.owner = Type.getInternalName(hook.getDeclaringClass());
            this.hook = hook.getName();
            this.hookDescriptor = Type.getMethodDescriptor(hook);
        }
    }

    /** "name(args)" → receiver owners → hook. */
    private static final Map<String, Map<String, Replacement>> TABLE = table();

    private SyncCalls() {
    }

    private static Map<String, List<String>> owners() {
        Map<String, List<String>> owners = new HashMap<>();
        owners.put(LOCKS + "Lock", List.of(LOCKS + "Lock", LOCKS + "ReentrantLock",
                LOCKS + "ReentrantReadWriteLock$ReadLock", LOCKS + "ReentrantReadWriteLock$WriteLock"));
        owners.put(LOCKS + "StampedLock", List.of(LOCKS + "StampedLock"));
        owners.put(LOCKS + "Condition", List.of(LOCKS + "Condition", LOCKS + "AbstractQueuedSynchronizer$ConditionObject",
                LOCKS + "AbstractQueuedLongSynchronizer$ConditionObject"));
        owners.put("java/lang/Object", List.of()); // wait(): any owner, see replacementFor
        owners.put("java/lang/Thread", List.of("java/lang/Thread"));
        List<String> executors = new ArrayList<>(EXECUTORS);
        executors.add(JUC + "Executor");
        owners.put(JUC + "Executor", executors);
        owners.put(JUC + "ExecutorService", EXECUTORS);
        owners.put(JUC + "ScheduledExecutorService", List.of(JUC + "ScheduledExecutorService",
                JUC + "ScheduledThreadPoolExecutor"));
        owners.put(JUC + "Future", List.of(JUC + "Future", JUC + "FutureTask", JUC + "RunnableFuture",
                JUC + "ScheduledFuture", JUC + "RunnableScheduledFuture", JUC + "CompletableFuture",
                JUC + "ForkJoinTask", JUC + "RecursiveTask", JUC + "RecursiveAction", JUC + "CountedCompleter"));
        owners.put(JUC + "CompletionService", List.of(JUC + "CompletionService", JUC + "ExecutorCompletionService"));
        owners.put(JUC + "CompletionStage", List.of(JUC + "CompletionStage", JUC + "CompletableFuture"));
        owners.put(JUC + "CompletableFuture", List.of(JUC + "CompletableFuture"));
        owners.put(JUC + "CountDownLatch", List.of(JUC + "CountDownLatch"));
        owners.put(JUC + "CyclicBarrier", List.of(JUC + "CyclicBarrier"));
        owners.put(JUC + "Semaphore", List.of(JUC + "Semaphore"));
        owners.put("java/util/Map", List.of("java/util/Map", JUC + "ConcurrentMap", JUC + "ConcurrentHashMap",
                JUC + "ConcurrentNavigableMap", JUC + "ConcurrentSkipListMap"));
        List<String> queues = new ArrayList<>(BLOCKING_QUEUES);
        queues.addAll(List.of("java/util/Queue", "java/util/Deque", JUC + "ConcurrentLinkedQueue",
                JUC + "ConcurrentLinkedDeque"));
        owners.put("java/util/Queue", queues);
        owners.put(JUC + "BlockingQueue", BLOCKING_QUEUES);
        owners.put(JUC + "TransferQueue", List.of(JUC + "TransferQueue", JUC + "LinkedTransferQueue"));
        return owners;
    }

    private static Map<String, Map<String, Replacement>> table() {
        Map<String, Map<String, Replacement>> table = new HashMap<>();
        for (Class<?> hooks : HOOK_CLASSES) {
            for (Method hook : hooks.getDeclaredMethods()) {
                Hook marked = hook.getAnnotation(Hook.class);
                if (marked == null) {
                    continue;
                }
                Type[] parameters = Type.getArgumentTypes(hook);
                if (marked.value() == Hook.Kind.REPLACES_STATIC_CALL) {
                    add(table, hook, parameters, List.of("static " + COMPLETABLE_FUTURE));
                } else if (marked.value() == Hook.Kind.REPLACES_CALL) {
                    List<String> owners = OWNERS.get(parameters[0].getInternalName());
                    if (owners == null) {
                        throw new IllegalStateException("no owners for the receiver of " + hooks.getSimpleName() + "."
                                + hook.getName());
                    }
                    add(table, hook, Arrays.copyOfRange(parameters, 1, parameters.length),
                            owners.isEmpty() ? List.of("*") : owners);
                }
            }
        }
        return table;
    }

    /** {@code hook} replaces the calls {@code name(arguments)} on each of {@code owners}. */
    private static void add(Map<String, Map<String, Replacement>> table, Method hook, Type[] arguments,
                            List<String> owners) {
        String key = hook.getName() + Type.getMethodDescriptor(Type.VOID_TYPE, arguments).replace(")V", ")");
        Map<String, Replacement> byOwner = table.computeIfAbsent(key, k -> new HashMap<>());
        Replacement replacement = new Replacement(hook);
        for (String owner : owners) {
            byOwner.put(owner, replacement);
        }
    }

    /** The hook replacing this call, or null when the call is no synchronization the detector models. */
    static Replacement replacementFor(boolean isStatic, String owner, String name, String descriptor) {
        int close = descriptor.indexOf(')');
        Map<String, Replacement> byOwner = TABLE.get(name + descriptor.substring(0, close + 1));
        if (byOwner == null) {
            return null;
        }
        if (isStatic) {
            return byOwner.get("static " + owner);
        }
        Replacement replacement = byOwner.get(owner);
        return replacement != null ? replacement : byOwner.get("*");
    }
}
