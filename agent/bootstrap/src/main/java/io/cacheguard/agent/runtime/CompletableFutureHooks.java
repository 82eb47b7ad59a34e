package io.cacheguard.agent.runtime;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code CompletableFuture} and {@code CompletionStage} calls: a dependent stage runs after
 * the stages it depends on.
 *
 * <p>A hook that replaces a call ({@link Hook.Kind#REPLACES_CALL}) takes the receiver first, then
 * the original arguments, makes the call exactly as the program wrote it and answers its result,
 * adding the happens-before edge the call creates. Exceptions of the call reach the program
 * unchanged; the detector's own never do (see {@link Detection}).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class CompletableFutureHooks {
    private CompletableFutureHooks() {
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture supplyAsync(Supplier supplier) {
        Supplier handoff = Handoff.of(supplier, null);
        return linked(CompletableFuture.supplyAsync(handoff), handoff);
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture supplyAsync(Supplier supplier, Executor executor) {
        Supplier handoff = Handoff.of(supplier, null);
        return linked(CompletableFuture.supplyAsync(handoff, executor), handoff);
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture runAsync(Runnable task) {
        Runnable handoff = Handoff.of(task, null);
        return linked(CompletableFuture.runAsync(handoff), handoff);
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture runAsync(Runnable task, Executor executor) {
        Runnable handoff = Handoff.of(task, null);
        return linked(CompletableFuture.runAsync(handoff, executor), handoff);
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture allOf(CompletableFuture[] stages) {
        return linked(CompletableFuture.allOf(stages), (Object[]) stages);
    }

    @Hook(Hook.Kind.REPLACES_STATIC_CALL)
    public static CompletableFuture anyOf(CompletableFuture[] stages) {
        return linked(CompletableFuture.anyOf(stages), (Object[]) stages);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean complete(CompletableFuture future, Object value) {
        Detection.release(future);
        return future.complete(value);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static boolean completeExceptionally(CompletableFuture future, Throwable error) {
        Detection.release(future);
        return future.completeExceptionally(error);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object join(CompletableFuture future) {
        Object result = future.join();
        Futures.acquireCompletion(future);
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static Object getNow(CompletableFuture future, Object valueIfAbsent) {
        boolean done = future.isDone();
        Object result = future.getNow(valueIfAbsent);
        if (done) {
            Futures.acquireCompletion(future);
        }
        return result;
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenApply(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApply(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenApplyAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApplyAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenApplyAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenApplyAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenAccept(CompletionStage stage, Consumer action) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAccept(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenAcceptAsync(CompletionStage stage, Consumer action) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAcceptAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenAcceptAsync(CompletionStage stage, Consumer action, Executor executor) {
        Consumer handoff = Handoff.of(action, null, stage);
        return linked(stage.thenAcceptAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenRun(CompletionStage stage, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRun(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenRunAsync(CompletionStage stage, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRunAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenRunAsync(CompletionStage stage, Runnable action, Executor executor) {
        Runnable handoff = Handoff.of(action, null, stage);
        return linked(stage.thenRunAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenCompose(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenCompose(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenComposeAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenComposeAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage handle(CompletionStage stage, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handle(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage handleAsync(CompletionStage stage, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handleAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage whenComplete(CompletionStage stage, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenComplete(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage whenCompleteAsync(CompletionStage stage, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenCompleteAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage exceptionally(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionally(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenCombine(CompletionStage stage, CompletionStage other, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombine(other, handoff), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenCombineAsync(CompletionStage stage, CompletionStage other, BiFunction fn) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombineAsync(other, handoff), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenAcceptBoth(CompletionStage stage, CompletionStage other, BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage, other);
        return linked(stage.thenAcceptBoth(other, handoff), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage runAfterBoth(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage, other);
        return linked(stage.runAfterBoth(other, handoff), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenComposeAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.thenComposeAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage handleAsync(CompletionStage stage, BiFunction fn, Executor executor) {
        BiFunction handoff = Handoff.of(fn, null, stage);
        return linked(stage.handleAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage whenCompleteAsync(CompletionStage stage, BiConsumer action, Executor executor) {
        BiConsumer handoff = Handoff.of(action, null, stage);
        return linked(stage.whenCompleteAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage exceptionallyAsync(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyAsync(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage exceptionallyAsync(CompletionStage stage, Function fn, Executor executor) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyAsync(handoff, executor), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage exceptionallyCompose(CompletionStage stage, Function fn) {
        Function handoff = Handoff.of(fn, null, stage);
        return linked(stage.exceptionallyCompose(handoff), handoff, stage);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenCombineAsync(CompletionStage stage, CompletionStage other, BiFunction fn,
                                                   Executor executor) {
        BiFunction handoff = Handoff.of(fn, null, stage, other);
        return linked(stage.thenCombineAsync(other, handoff, executor), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage thenAcceptBothAsync(CompletionStage stage, CompletionStage other,
                                                      BiConsumer action) {
        BiConsumer handoff = Handoff.of(action, null, stage, other);
        return linked(stage.thenAcceptBothAsync(other, handoff), handoff, stage, other);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage runAfterBothAsync(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null, stage, other);
        return linked(stage.runAfterBothAsync(other, handoff), handoff, stage, other);
    }

    /**
     * Either-stages run after one of two stages, unknown which: the function sees only what both
     * completed (nothing is acquired from the stages); the result still follows the function.
     */
    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage applyToEither(CompletionStage stage, CompletionStage other, Function fn) {
        Function handoff = Handoff.of(fn, null);
        return linked(stage.applyToEither(other, handoff), handoff);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage acceptEither(CompletionStage stage, CompletionStage other, Consumer action) {
        Consumer handoff = Handoff.of(action, null);
        return linked(stage.acceptEither(other, handoff), handoff);
    }

    @Hook(Hook.Kind.REPLACES_CALL)
    public static CompletionStage runAfterEither(CompletionStage stage, CompletionStage other, Runnable action) {
        Runnable handoff = Handoff.of(action, null);
        return linked(stage.runAfterEither(other, handoff), handoff);
    }

    private static <T> T linked(T future, Object... completers) {
        Futures.link(future, completers);
        return future;
    }
}
