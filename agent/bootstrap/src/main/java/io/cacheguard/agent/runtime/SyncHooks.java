package io.cacheguard.agent.runtime;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TransferQueue;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The synchronization calls of instrumented classes, each done exactly as the program wrote it
 * plus the happens-before edge it creates: a call site {@code lock.unlock()} becomes
 * {@code SyncHooks.unlock(lock)}, which releases then unlocks. Exceptions of the call itself reach
 * the program unchanged; the detector's own never do (see {@link Detection}).
 *
 * <p>Each method takes the receiver first, then the original arguments, and answers the original
 * result; which call sites map to which method is {@code io.cacheguard.agent.transform.SyncCalls}.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class SyncHooks {
    private SyncHooks() {
    }

    // --- java.util.concurrent.locks.Lock -------------------------------------------------------

    public static void lock(Lock lock) {
        lock.lock();
        LockSides.acquired(lock);
    }

    public static void lockInterruptibly(Lock lock) throws InterruptedException {
        lock.lockInterruptibly();
        LockSides.acquired(lock);
    }

    public static boolean tryLock(Lock lock) {
        boolean locked = lock.tryLock();
        if (locked) {
            LockSides.acquired(lock);
        }
        return locked;
    }

    public static boolean tryLock(Lock lock, long time, TimeUnit unit) throws InterruptedException {
        boolean locked = lock.tryLock(time, unit);
        if (locked) {
            LockSides.acquired(lock);
        }
        return locked;
    }

    public static void unlock(Lock lock) {
        LockSides.releasing(lock);
        lock.unlock();
    }

    /** After {@code readLock()}/{@code asReadLock()}: remember whose read side the view is. */
    public static void readView(Object owner, Object view) {
        LockSides.register(owner, view, true);
    }

    /** After {@code writeLock()}/{@code asWriteLock()}: remember whose write side the view is. */
    public static void writeView(Object owner, Object view) {
        LockSides.register(owner, view, false);
    }

    // --- java.util.concurrent.locks.Condition ----------------------------------------------------
    // await releases the condition's lock and takes it again, as Object.wait does the monitor's.

    /** {@code newCondition()}: remember the condition's lock, whose edges its {@code await} makes. */
    public static Condition newCondition(Lock lock) {
        Condition condition = lock.newCondition();
        Conditions.created(lock, condition);
        return condition;
    }

    public static void await(Condition condition) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            condition.await();
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    public static boolean await(Condition condition, long time, TimeUnit unit) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.await(time, unit);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    public static long awaitNanos(Condition condition, long nanosTimeout) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.awaitNanos(nanosTimeout);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    public static void awaitUninterruptibly(Condition condition) {
        Lock lock = Conditions.releasing(condition);
        try {
            condition.awaitUninterruptibly();
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    public static boolean awaitUntil(Condition condition, Date deadline) throws InterruptedException {
        Lock lock = Conditions.releasing(condition);
        try {
            return condition.awaitUntil(deadline);
        } finally {
            Conditions.reacquired(condition, lock);
        }
    }

    public static void signal(Condition condition) {
        condition.signal();
        Conditions.signalled(condition);
    }

    public static void signalAll(Condition condition) {
        condition.signalAll();
        Conditions.signalled(condition);
    }

    // --- java.util.concurrent.locks.StampedLock --------------------------------------------------

    public static long writeLock(StampedLock lock) {
        return stamped(lock, lock.writeLock(), false);
    }

    public static long writeLockInterruptibly(StampedLock lock) throws InterruptedException {
        return stamped(lock, lock.writeLockInterruptibly(), false);
    }

    public static long tryWriteLock(StampedLock lock) {
        return stamped(lock, lock.tryWriteLock(), false);
    }

    public static long tryWriteLock(StampedLock lock, long time, TimeUnit unit) throws InterruptedException {
        return stamped(lock, lock.tryWriteLock(time, unit), false);
    }

    public static long readLock(StampedLock lock) {
        return stamped(lock, lock.readLock(), true);
    }

    public static long readLockInterruptibly(StampedLock lock) throws InterruptedException {
        return stamped(lock, lock.readLockInterruptibly(), true);
    }

    public static long tryReadLock(StampedLock lock) {
        return stamped(lock, lock.tryReadLock(), true);
    }

    public static long tryReadLock(StampedLock lock, long time, TimeUnit unit) throws InterruptedException {
        return stamped(lock, lock.tryReadLock(time, unit), true);
    }

    /** An optimistic read sees the last write release; reads that overlap a write are reported. */
    public static long tryOptimisticRead(StampedLock lock) {
        return stamped(lock, lock.tryOptimisticRead(), true);
    }

    public static void unlockWrite(StampedLock lock, long stamp) {
        LockSides.releasingStamped(lock, false);
        lock.unlockWrite(stamp);
    }

    public static void unlockRead(StampedLock lock, long stamp) {
        LockSides.releasingStamped(lock, true);
        lock.unlockRead(stamp);
    }

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

    // --- monitors and threads ---------------------------------------------------------------------

    public static void wait(Object monitor) throws InterruptedException {
        Detection.release(monitor);
        try {
            monitor.wait();
        } finally {
            Detection.acquire(monitor);
        }
    }

    public static void wait(Object monitor, long millis) throws InterruptedException {
        Detection.release(monitor);
        try {
            monitor.wait(millis);
        } finally {
            Detection.acquire(monitor);
        }
    }

    public static void wait(Object monitor, long millis, int nanos) throws InterruptedException {
        Detection.release(monitor);
        try {
            monitor.wait(millis, nanos);
        } finally {
            Detection.acquire(monitor);
        }
    }

    /** Before {@code start()} on any receiver: a thread inherits what its starter did. */
    public static void starting(Object receiver) {
        if (receiver instanceof Thread) {
            Detection.starting((Thread) receiver);
        }
    }

    /** After {@code join()} on any receiver. */
    public static void joined(Object receiver) {
        if (receiver instanceof Thread && !((Thread) receiver).isAlive()) {
            Detection.joined((Thread) receiver);
        }
    }

    public static void join(Thread thread, long millis) throws InterruptedException {
        thread.join(millis);
        joined(thread);
    }

    public static void join(Thread thread, long millis, int nanos) throws InterruptedException {
        thread.join(millis, nanos);
        joined(thread);
    }

    // --- executors and futures ---------------------------------------------------------------------

    public static void execute(Executor executor, Runnable task) {
        // A Comparable task may be ordered by the executor's queue: it must stay the program's own object.
        executor.execute(task instanceof Comparable ? task : Handoff.of(task, executor));
    }

    public static Future submit(ExecutorService executor, Runnable task) {
        Runnable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    public static Future submit(ExecutorService executor, Runnable task, Object result) {
        Runnable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff, result);
        Futures.link(future, handoff);
        return future;
    }

    public static Future submit(ExecutorService executor, Callable task) {
        Callable handoff = Handoff.of(task, executor);
        Future future = executor.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    public static List invokeAll(ExecutorService executor, Collection tasks) throws InterruptedException {
        List<Callable> handoffs = handoffs(executor, tasks);
        List result = executor.invokeAll((Collection) handoffs);
        completed(handoffs);
        return result;
    }

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

    public static Object invokeAny(ExecutorService executor, Collection tasks)
            throws InterruptedException, ExecutionException {
        List<Callable> handoffs = handoffs(executor, tasks);
        Object result = executor.invokeAny((Collection) handoffs);
        completed(handoffs); // the winner's completion is among them; the others only add order
        return result;
    }

    public static Object invokeAny(ExecutorService executor, Collection tasks, long timeout, TimeUnit unit)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Callable> handoffs = handoffs(executor, tasks);
        Object result = executor.invokeAny((Collection) handoffs, timeout, unit);
        completed(handoffs);
        return result;
    }

    public static ScheduledFuture schedule(ScheduledExecutorService executor, Runnable task, long delay,
                                           TimeUnit unit) {
        Runnable handoff = Handoff.of(task, executor);
        ScheduledFuture future = executor.schedule(handoff, delay, unit);
        Futures.link(future, handoff);
        return future;
    }

    public static ScheduledFuture schedule(ScheduledExecutorService executor, Callable task, long delay,
                                           TimeUnit unit) {
        Callable handoff = Handoff.of(task, executor);
        ScheduledFuture future = executor.schedule(handoff, delay, unit);
        Futures.link(future, handoff);
        return future;
    }

    public static ScheduledFuture scheduleAtFixedRate(ScheduledExecutorService executor, Runnable task,
                                                      long initialDelay, long period, TimeUnit unit) {
        return executor.scheduleAtFixedRate(Handoff.of(task, executor), initialDelay, period, unit);
    }

    public static ScheduledFuture scheduleWithFixedDelay(ScheduledExecutorService executor, Runnable task,
                                                         long initialDelay, long delay, TimeUnit unit) {
        return executor.scheduleWithFixedDelay(Handoff.of(task, executor), initialDelay, delay, unit);
    }

    /** Terminated: every task the executor ran has ended, and each released into the executor. */
    public static boolean awaitTermination(ExecutorService executor, long timeout, TimeUnit unit)
            throws InterruptedException {
        boolean terminated = executor.awaitTermination(timeout, unit);
        if (terminated) {
            Detection.acquire(executor);
        }
        return terminated;
    }

    public static Object get(Future future) throws InterruptedException, ExecutionException {
        Object result = future.get();
        Futures.acquireCompletion(future);
        return result;
    }

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

    // --- java.util.concurrent.CompletionService ------------------------------------------------------
    // ExecutorCompletionService hands its tasks to its executor inside the JDK, where no hook sees
    // them: the task is wrapped here instead, and its future linked as an executor's is. The future
    // that take/poll return is the one submit did, queued once its task has ended, so taking it
    // acquires the task's end as get does (and take().get() still works if get is never called).

    public static Future submit(CompletionService service, Callable task) {
        Callable handoff = Handoff.of(task, Futures.completionToken(service));
        Future future = service.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    public static Future submit(CompletionService service, Runnable task, Object result) {
        Runnable handoff = Handoff.of(task, Futures.completionToken(service));
        Future future = service.submit(handoff, result);
        Futures.link(future, handoff);
        return future;
    }

    public static Future take(CompletionService service) throws InterruptedException {
        return taken(service, service.take());
    }

    public static Future poll(CompletionService service) {
        return taken(service, service.poll());
    }

    public static Future poll(CompletionService service, long timeout, TimeUnit unit) throws InterruptedException {
        return taken(service, service.poll(timeout, unit));
    }

    private static Future taken(CompletionService service, Future future) {
        Futures.taken(service, future);
        return future;
    }

    // --- CompletableFuture ------------------------------------------------------------------------

    public static CompletableFuture supplyAsync(Supplier supplier) {
        Supplier handoff = Handoff.of(supplier, null);
        return linked(CompletableFuture.supplyAsync(handoff), handoff);
    }

    public static CompletableFuture supplyAsync(Supplier supplier, Executor executor) {
        Supplier handoff = Handoff.of(supplier, null);
        return linked(CompletableFuture.supplyAsync(handoff, executor), handoff);
    }

    public static CompletableFuture runAsync(Runnable task) {
        Runnable handoff = Handoff.of(task, null);
        return linked(CompletableFuture.runAsync(handoff), handoff);
    }

    public static CompletableFuture runAsync(Runnable task, Executor executor) {
        Runnable handoff = Handoff.of(task, null);
        return linked(CompletableFuture.runAsync(handoff, executor), handoff);
    }

    public static CompletableFuture allOf(CompletableFuture[] stages) {
        return linked(CompletableFuture.allOf(stages), (Object[]) stages);
    }

    public static CompletableFuture anyOf(CompletableFuture[] stages) {
        return linked(CompletableFuture.anyOf(stages), (Object[]) stages);
    }

    public static boolean complete(CompletableFuture future, Object value) {
        Detection.release(future);
        return future.complete(value);
    }

    public static boolean completeExceptionally(CompletableFuture future, Throwable error) {
        Detection.release(future);
        return future.completeExceptionally(error);
    }

    public static Object join(CompletableFuture future) {
        Object result = future.join();
        Futures.acquireCompletion(future);
        return result;
    }

    public static Object getNow(CompletableFuture future, Object valueIfAbsent) {
        boolean done = future.isDone();
        Object result = future.getNow(valueIfAbsent);
        if (done) {
            Futures.acquireCompletion(future);
        }
        return result;
    }

    public static CompletionStage thenApply(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApply(handoff), handoff, stage);
    }

    public static CompletionStage thenApplyAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApplyAsync(handoff), handoff, stage);
    }

    public static CompletionStage thenApplyAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApplyAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage thenAccept(CompletionStage stage, Consumer action) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAccept(handoff), handoff, stage);
    }

    public static CompletionStage thenAcceptAsync(CompletionStage stage, Consumer action) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAcceptAsync(handoff), handoff, stage);
    }

    public static CompletionStage thenAcceptAsync(CompletionStage stage, Consumer action, Executor executor) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAcceptAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage thenRun(CompletionStage stage, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRun(handoff), handoff, stage);
    }

    public static CompletionStage thenRunAsync(CompletionStage stage, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRunAsync(handoff), handoff, stage);
    }

    public static CompletionStage thenRunAsync(CompletionStage stage, Runnable action, Executor executor) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRunAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage thenCompose(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenCompose(handoff), handoff, stage);
    }

    public static CompletionStage thenComposeAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenComposeAsync(handoff), handoff, stage);
    }

    public static CompletionStage handle(CompletionStage stage, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handle(handoff), handoff, stage);
    }

    public static CompletionStage handleAsync(CompletionStage stage, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handleAsync(handoff), handoff, stage);
    }

    public static CompletionStage whenComplete(CompletionStage stage, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenComplete(handoff), handoff, stage);
    }

    public static CompletionStage whenCompleteAsync(CompletionStage stage, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenCompleteAsync(handoff), handoff, stage);
    }

    public static CompletionStage exceptionally(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionally(handoff), handoff, stage);
    }

    public static CompletionStage thenCombine(CompletionStage stage, CompletionStage other, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombine(other, handoff), handoff, stage, other);
    }

    public static CompletionStage thenCombineAsync(CompletionStage stage, CompletionStage other, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombineAsync(other, handoff), handoff, stage, other);
    }

    public static CompletionStage thenAcceptBoth(CompletionStage stage, CompletionStage other, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage, other);
        return linked(stage.thenAcceptBoth(other, handoff), handoff, stage, other);
    }

    public static CompletionStage runAfterBoth(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage, other);
        return linked(stage.runAfterBoth(other, handoff), handoff, stage, other);
    }

    public static CompletionStage thenComposeAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenComposeAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage handleAsync(CompletionStage stage, BiFunction fn, Executor executor) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handleAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage whenCompleteAsync(CompletionStage stage, BiConsumer action, Executor executor) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenCompleteAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage exceptionallyAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyAsync(handoff), handoff, stage);
    }

    public static CompletionStage exceptionallyAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyAsync(handoff, executor), handoff, stage);
    }

    public static CompletionStage exceptionallyCompose(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyCompose(handoff), handoff, stage);
    }

    public static CompletionStage thenCombineAsync(CompletionStage stage, CompletionStage other, BiFunction fn,
                                                   Executor executor) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombineAsync(other, handoff, executor), handoff, stage, other);
    }

    public static CompletionStage thenAcceptBothAsync(CompletionStage stage, CompletionStage other,
                                                      BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage, other);
        return linked(stage.thenAcceptBothAsync(other, handoff), handoff, stage, other);
    }

    public static CompletionStage runAfterBothAsync(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage, other);
        return linked(stage.runAfterBothAsync(other, handoff), handoff, stage, other);
    }

    /**
     * Either-stages run after one of two stages, unknown which: the function sees only what both
     * completed (nothing is acquired from the stages); the result still follows the function.
     */
    public static CompletionStage applyToEither(CompletionStage stage, CompletionStage other, Function fn) {
        Function handoff = Handoff.of(fn, null);
        return linked(stage.applyToEither(other, handoff), handoff);
    }

    public static CompletionStage acceptEither(CompletionStage stage, CompletionStage other, Consumer action) {
        Consumer handoff = Handoff.of(action, null);
        return linked(stage.acceptEither(other, handoff), handoff);
    }

    public static CompletionStage runAfterEither(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null);
        return linked(stage.runAfterEither(other, handoff), handoff);
    }

    private static <T> T linked(T future, Object... completers) {
        Futures.link(future, completers);
        return future;
    }

    // --- latches, barriers, semaphores ------------------------------------------------------------

    public static void countDown(CountDownLatch latch) {
        Detection.release(latch);
        latch.countDown();
    }

    public static void await(CountDownLatch latch) throws InterruptedException {
        latch.await();
        Detection.acquire(latch);
    }

    public static boolean await(CountDownLatch latch, long timeout, TimeUnit unit) throws InterruptedException {
        boolean opened = latch.await(timeout, unit);
        if (opened) {
            Detection.acquire(latch);
        }
        return opened;
    }

    public static int await(CyclicBarrier barrier) throws InterruptedException, BrokenBarrierException {
        Detection.release(barrier);
        int index = barrier.await();
        Detection.acquire(barrier);
        return index;
    }

    public static int await(CyclicBarrier barrier, long timeout, TimeUnit unit)
            throws InterruptedException, BrokenBarrierException, TimeoutException {
        Detection.release(barrier);
        int index = barrier.await(timeout, unit);
        Detection.acquire(barrier);
        return index;
    }

    public static void release(Semaphore semaphore) {
        Detection.release(semaphore);
        semaphore.release();
    }

    public static void release(Semaphore semaphore, int permits) {
        Detection.release(semaphore);
        semaphore.release(permits);
    }

    public static void acquire(Semaphore semaphore) throws InterruptedException {
        semaphore.acquire();
        Detection.acquire(semaphore);
    }

    public static void acquire(Semaphore semaphore, int permits) throws InterruptedException {
        semaphore.acquire(permits);
        Detection.acquire(semaphore);
    }

    public static void acquireUninterruptibly(Semaphore semaphore) {
        semaphore.acquireUninterruptibly();
        Detection.acquire(semaphore);
    }

    public static void acquireUninterruptibly(Semaphore semaphore, int permits) {
        semaphore.acquireUninterruptibly(permits);
        Detection.acquire(semaphore);
    }

    public static boolean tryAcquire(Semaphore semaphore) {
        return acquiredIf(semaphore, semaphore.tryAcquire());
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits) {
        return acquiredIf(semaphore, semaphore.tryAcquire(permits));
    }

    public static boolean tryAcquire(Semaphore semaphore, long timeout, TimeUnit unit) throws InterruptedException {
        return acquiredIf(semaphore, semaphore.tryAcquire(timeout, unit));
    }

    public static boolean tryAcquire(Semaphore semaphore, int permits, long timeout, TimeUnit unit)
            throws InterruptedException {
        return acquiredIf(semaphore, semaphore.tryAcquire(permits, timeout, unit));
    }

    private static boolean acquiredIf(Object sync, boolean acquired) {
        if (acquired) {
            Detection.acquire(sync);
        }
        return acquired;
    }

    // --- publication through concurrent collections -----------------------------------------------
    // A put/offer releases into the collection, a get/poll that sees an element acquires it: one
    // clock per collection, so an element's reader is ordered after every earlier writer.

    public static Object put(Map map, Object key, Object value) {
        boolean concurrent = releasing(map);
        Object previous = map.put(key, value);
        acquiring(concurrent, map);
        return previous;
    }

    public static Object putIfAbsent(Map map, Object key, Object value) {
        boolean concurrent = releasing(map);
        Object previous = map.putIfAbsent(key, value);
        acquiring(concurrent, map);
        return previous;
    }

    public static Object computeIfAbsent(Map map, Object key, Function function) {
        boolean concurrent = releasing(map);
        Object value = map.computeIfAbsent(key, function);
        acquiring(concurrent, map);
        return value;
    }

    public static Object compute(Map map, Object key, BiFunction function) {
        boolean concurrent = releasing(map);
        Object value = map.compute(key, function);
        acquiring(concurrent, map);
        return value;
    }

    public static Object merge(Map map, Object key, Object value, BiFunction function) {
        boolean concurrent = releasing(map);
        Object merged = map.merge(key, value, function);
        acquiring(concurrent, map);
        return merged;
    }

    public static Object get(Map map, Object key) {
        Object value = map.get(key);
        acquiring(isConcurrent(map), map);
        return value;
    }

    public static Object getOrDefault(Map map, Object key, Object defaultValue) {
        Object value = map.getOrDefault(key, defaultValue);
        acquiring(isConcurrent(map), map);
        return value;
    }

    public static boolean containsKey(Map map, Object key) {
        boolean contains = map.containsKey(key);
        acquiring(isConcurrent(map), map);
        return contains;
    }

    public static Object remove(Map map, Object key) {
        boolean concurrent = releasing(map);
        Object previous = map.remove(key);
        acquiring(concurrent, map);
        return previous;
    }

    public static boolean offer(Queue queue, Object element) {
        releasing(queue);
        return queue.offer(element);
    }

    public static boolean add(Queue queue, Object element) {
        releasing(queue);
        return queue.add(element);
    }

    public static Object poll(Queue queue) {
        Object element = queue.poll();
        acquiring(element != null && isConcurrent(queue), queue);
        return element;
    }

    public static Object peek(Queue queue) {
        Object element = queue.peek();
        acquiring(element != null && isConcurrent(queue), queue);
        return element;
    }

    public static void put(BlockingQueue queue, Object element) throws InterruptedException {
        Detection.release(queue);
        queue.put(element);
    }

    public static boolean offer(BlockingQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        Detection.release(queue);
        return queue.offer(element, timeout, unit);
    }

    /**
     * {@code transfer}/{@code tryTransfer} hand the element to a consumer: released before the call,
     * as a put (a {@code tryTransfer} that finds no consumer has released too, as a failed offer has).
     */
    public static void transfer(TransferQueue queue, Object element) throws InterruptedException {
        Detection.release(queue);
        queue.transfer(element);
    }

    public static boolean tryTransfer(TransferQueue queue, Object element) {
        Detection.release(queue);
        return queue.tryTransfer(element);
    }

    public static boolean tryTransfer(TransferQueue queue, Object element, long timeout, TimeUnit unit)
            throws InterruptedException {
        Detection.release(queue);
        return queue.tryTransfer(element, timeout, unit);
    }

    public static Object take(BlockingQueue queue) throws InterruptedException {
        Object element = queue.take();
        Detection.acquire(queue);
        return element;
    }

    public static Object poll(BlockingQueue queue, long timeout, TimeUnit unit) throws InterruptedException {
        Object element = queue.poll(timeout, unit);
        acquiring(element != null, queue);
        return element;
    }

    private static boolean releasing(Object collection) {
        boolean concurrent = isConcurrent(collection);
        if (concurrent) {
            Detection.release(collection);
        }
        return concurrent;
    }

    private static void acquiring(boolean concurrent, Object collection) {
        if (concurrent) {
            Detection.acquire(collection);
        }
    }

    private static boolean isConcurrent(Object collection) {
        return CONCURRENT.get(collection.getClass());
    }

    /**
     * Whether a collection class publishes what it holds. Remembered per class: an
     * {@code instanceof} of an interface the class lacks scans all its interfaces on every call,
     * and every {@code Map.get} of an instrumented class asks this.
     */
    private static final ClassValue<Boolean> CONCURRENT = new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
            return ConcurrentMap.class.isAssignableFrom(type) || BlockingQueue.class.isAssignableFrom(type)
                    || ConcurrentLinkedQueue.class.isAssignableFrom(type)
                    || ConcurrentLinkedDeque.class.isAssignableFrom(type);
        }
    };
}
