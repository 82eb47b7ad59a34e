package io.cacheguard.agent.runtime;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The {@code CompletionService} calls: a task runs after its submitter, its taker after the task.
 * ExecutorCompletionService hands its tasks to its executor inside the JDK, where no hook sees
 * them: the task is wrapped here instead, and its future linked as an executor's is. The future
 * that take/poll return is the one submit did, queued once its task has ended, so taking it
 * acquires the task's end as get does (and take().get() still works if get is never called).
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CompletionServiceHooks {
    private CompletionServiceHooks() {
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future submit(CompletionService service, Callable task) {
        Callable handoff = Handoff.of(task, Futures.completionToken(service));
        Future future = service.submit(handoff);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future submit(CompletionService service, Runnable task, Object result) {
        Runnable handoff = Handoff.of(task, Futures.completionToken(service));
        Future future = service.submit(handoff, result);
        Futures.link(future, handoff);
        return future;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future take(CompletionService service) throws InterruptedException {
        return taken(service, service.take());
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future poll(CompletionService service) {
        return taken(service, service.poll());
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Future poll(CompletionService service, long timeout, TimeUnit unit) throws InterruptedException {
        return taken(service, service.poll(timeout, unit));
    }

    private static Future taken(CompletionService service, Future future) {
        Futures.taken(service, future);
        return future;
    }
}
