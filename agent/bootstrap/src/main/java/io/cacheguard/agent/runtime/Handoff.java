package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.HeldClock;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A task or function handed from one thread to another (an executor's task, a CompletableFuture
 * stage): what the handing thread did happens before it runs, and what it did happens before
 * whoever learns it finished (a {@code Future.get}, a dependent stage). It is its own
 * synchronization object, released on hand-off and on completion, acquired when it starts.
 *
 * <p>{@link Task} takes every functional shape but {@link BiFunction}, whose {@code andThen}
 * clashes with {@link Function}'s; {@link OfBiFunction} takes that one.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
abstract class Handoff {
    final Object task;
    /** Synchronization objects whose completion this task follows: the stages it depends on. */
    private final Object[] after;
    /**
     * Released into as well when the task ends: its executor, for {@code awaitTermination}; a
     * completion service's token, for a {@code take} that comes before {@code submit} linked the future.
     */
    private final Object executor;
    /**
     * This hand-off's own clock: it is a synchronization object that never needs the shared table.
     * Its uses come one after another, each ordered after the last by the hand-off itself: the
     * handing thread releases before the task is queued, the task acquires as it starts and
     * releases as it ends (again on the next period of a periodic task), and whoever learns of its
     * completion acquires after that end. So it is joined in place, as a held lock's is.
     */
    final HeldClock clock = new HeldClock();

    Handoff(Object task, Object[] after, Object executor) {
        this.task = task;
        this.after = after;
        this.executor = executor;
        Detection.release(clock);
    }

    /** Wraps {@code task} as the current thread hands it over; null stays null. */
    static <T> T of(T task, Object executor, Object... after) {
        if (task == null || !Detection.enabled()) {
            return task;
        }
        return (T) (task instanceof BiFunction ? new OfBiFunction(task, after) : new Task(task, after, executor));
    }

    final void begin() {
        Detection.acquire(clock);
        for (Object stage : after) {
            Futures.acquireCompletion(stage);
        }
    }

    final void end() {
        Detection.release(clock);
        if (executor != null) {
            Detection.releaseGathered(executor);
        }
    }

    @Override
    public String toString() {
        return String.valueOf(task);
    }

    /** Runnables, callables, suppliers, functions and consumers. */
    static final class Task extends Handoff implements Runnable, Callable, Supplier, Function, Consumer, BiConsumer {
        Task(Object task, Object[] after, Object executor) {
            super(task, after, executor);
        }

        @Override
        public void run() {
            begin();
            try {
                ((Runnable) task).run();
            } finally {
                end();
            }
        }

        @Override
        public Object call() throws Exception {
            begin();
            try {
                return ((Callable) task).call();
            } finally {
                end();
            }
        }

        @Override
        public Object get() {
            begin();
            try {
                return ((Supplier) task).get();
            } finally {
                end();
            }
        }

        /** A composed stage the function returns completes the dependent stage: link it. */
        @Override
        public Object apply(Object t) {
            begin();
            try {
                Object result = ((Function) task).apply(t);
                if (result instanceof CompletionStage) {
                    Futures.link(this, result);
                }
                return result;
            } finally {
                end();
            }
        }

        @Override
        public void accept(Object t) {
            begin();
            try {
                ((Consumer) task).accept(t);
            } finally {
                end();
            }
        }

        @Override
        public void accept(Object t, Object u) {
            begin();
            try {
                ((BiConsumer) task).accept(t, u);
            } finally {
                end();
            }
        }
    }

    /** The {@link BiFunction} hand-off. */
    static final class OfBiFunction extends Handoff implements BiFunction {
        OfBiFunction(Object task, Object[] after) {
            super(task, after, null);
        }

        @Override
        public Object apply(Object t, Object u) {
            begin();
            try {
                return ((BiFunction) task).apply(t, u);
            } finally {
                end();
            }
        }
    }
}
