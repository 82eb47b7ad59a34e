package io.cacheguard.agent.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The executor and {@code Future} calls: a task runs after its submission, and whoever gets its
 * result runs after the task.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class ExecutorHooks {
    private ExecutorHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static void execute(Executor executor, Runnable task) {
        // A Comparable task may be ordered by the executor's queue: it must stay the program's own object.
        executor.execute(task instanceof Comparable ? task : Handoff.of(task, executor));
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future submit(ExecutorService executor, Runnable task) {
        Runnable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future submit(ExecutorService executor, Runnable task, Object result) {
        Runnable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff, result);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future submit(ExecutorService executor, Callable task) {
        Callable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static List invokeAll(ExecutorService executor, Collection tasks) throws InterruptedException {
        List<Callable> handoffs = handoffs(executor, tasks);
        List result = executor.invokeAll((Collection) handoffs);
        completed(handoffs);
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static List invokeAll(ExecutorService executor, Collection tasks, long timeout, TimeUnit unit)
            throws InterruptedException {
        List<Callable> handoffs = handoffs(executor, tasks);
        List result = executor.invokeAll((Collection) handoffs, timeout, unit);
        for (int i = 0; i < result.size(); i++) {
            Future future = (Future) result.get(i);
            if (future.isDone() && !future.isCancelled()) {
                Futures.acquireCompletion(handoffs.get(i));
            }
        }
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object invokeAny(ExecutorService executor, Collection tasks)
            throws InterruptedException, ExecutionException {
        List<Callable> handoffs = handoffs(executor, tasks);
        Object result = executor.invokeAny((Collection) handoffs);
        completed(handoffs); // the winner's completion is among them; the others only add order
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object invokeAny(ExecutorService executor, Collection tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Callable> handoffs = handoffs(executor, tasks);
        Object result = executor.invokeAny((Collection) handoffs, timeout, unit);
        completed(handoffs);
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static ScheduledFuture schedule(ScheduledExecutorService executor, Runnable task, long delay,
                                           TimeUnit unit) {
        Runnable handoff = Handoff.of(task, executor);
        ScheduledFuture future = executor.schedule(handoff, delay, unit);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static ScheduledFuture schedule(ScheduledExecutorService executor, Callable task, long delay,
                                           TimeUnit unit) {
        Callable handoff = Handoff.of(task, executor);
        ScheduledFuture future = executor.schedule(handoff, delay, unit);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static ScheduledFuture scheduleAtFixedRate(ScheduledExecutorService executor, Runnable task,
                                                      long initialDelay, long period, TimeUnit unit) {
        return executor.scheduleAtFixedRate(Handoff.of(task, executor), initialDelay, period, unit);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static ScheduledFuture scheduleWithFixedDelay(ScheduledExecutorService executor, Runnable task,
                                                         long initialDelay, long delay, TimeUnit unit) {
        return executor.scheduleWithFixedDelay(Handoff.of(task, executor), initialDelay, delay, unit);
    }

    /** Terminated: every task the executor ran has ended, and each released into the executor. */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit)
            throws InterruptedException {
        boolean terminated = executor.awaitTermination(timeout, unit);
        if (terminated) {
            Detection.acquireGathered(executor);
        }
        return terminated;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object get(Future future) throws InterruptedException, ExecutionException {
        Object result = future.get();
        Futures.acquireCompletion(future);
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object get(Future future, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        Object result = future.get(timeout, unit);
        Futures.acquireCompletion(future);
        return result;
    }

    private static List<Callable> handoffs(ExecutorService executor, Collection tasks) {
        List<Callable> handoffs = new ArrayList<>(tasks.size());
        for (Object task : tasks) {
            handoffs.add(Handoff.of((Callable) task, executor));
        }
        return handoffs;
    }

    private static void completed(List<Callable> handoffs) {
        for (Callable handoff : handoffs) {
            Futures.acquireCompletion(handoff);
        }
    }
}
