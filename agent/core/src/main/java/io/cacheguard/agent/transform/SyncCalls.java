package io.cacheguard.agent.transform;

import io.cacheguard.agent.runtime.SyncHooks;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;

/**
 * Which call sites are synchronization the detector must see, and the {@link SyncHooks} method
 * that replaces each. A hook {@code unlock(Lock)} replaces {@code unlock()} called on any type the
 * table lists for {@code Lock} (the interface and the JDK classes implementing it); the owners are
 * named, never guessed, because a hook's receiver type must accept the call's receiver.
 */
final class SyncCalls {
    private static final String HOOKS = Type.getInternalName(SyncHooks.class);
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
    /** Hooks for static calls, all on CompletableFuture. */
    private static final Set<String> STATIC_HOOKS = Set.of("supplyAsync", "runAsync", "allOf", "anyOf");
    /** Hooks placed around a call rather than replacing it. */
    private static final Set<String> AROUND_HOOKS = Set.of("starting", "joined", "readView", "writeView");

    /** One replacement: the hook's name and descriptor (a reference result is cast back to the call's type). */
    static final class Replacement {
        final String hook;
        final String hookDescriptor;

        Replacement(String hook, String hookDescriptor) {
            this.hook = hook;
            this.hookDescriptor = hookDescriptor;
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
        for (Method hook : SyncHooks.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(hook.getModifiers()) || AROUND_HOOKS.contains(hook.getName())) {
                continue;
            }
            Type[] parameters = Type.getArgumentTypes(hook);
            Replacement replacement = new Replacement(hook.getName(), Type.getMethodDescriptor(hook));
            if (STATIC_HOOKS.contains(hook.getName())) {
                String key = hook.getName() + Type.getMethodDescriptor(Type.VOID_TYPE, parameters).replace(")V", ")");
                table.computeIfAbsent(key, k -> new HashMap<>()).put("static " + JUC + "CompletableFuture", replacement);
                continue;
            }
            String receiver = parameters[0].getInternalName();
            List<String> owners = OWNERS.get(receiver);
            if (owners == null) {
                throw new IllegalStateException("no owners for the receiver of SyncHooks." + hook.getName());
            }
            Type[] arguments = Arrays.copyOfRange(parameters, 1, parameters.length);
            String key = hook.getName() + Type.getMethodDescriptor(Type.VOID_TYPE, arguments).replace(")V", ")");
            Map<String, Replacement> byOwner = table.computeIfAbsent(key, k -> new HashMap<>());
            for (String owner : owners.isEmpty() ? List.of("*") : owners) {
                byOwner.put(owner, replacement);
            }
        }
        return table;
    }

    static String hooksClass() {
        return HOOKS;
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
