package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cacheguard.agent.runtime.detector.MapShadow;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A task submitted to a {@link CompletionService} sees what its submitter did before
 * {@code submit}, and whoever takes its future from the service ({@code take}, {@code poll}) sees
 * what the task did, with or without {@code get}. Each test plays instrumented code by calling
 * {@link CompletionServiceHooks} as the rewritten call sites do.
 */
@Timeout(60)
class CompletionServiceEdgesTest {
    /** One way of submitting the task that reads the seed and puts {@code derived}; answers its future. */
    @FunctionalInterface
    private interface Submit {
        Future<?> submit(CompletionService<Integer> service, Map<String, Integer> cache);
    }

    /** One way of learning the task ended: a future taken from the service, or the submitted one. */
    @FunctionalInterface
    private interface Take {
        Future<?> take(CompletionService<Integer> service, Future<?> submitted) throws Exception;
    }

    @BeforeAll
    static void detectorOn() {
        DetectedRaces.on();
    }

    @Test
    void whoeverTakesTheFutureSeesWhatTheTaskDidAndTheTaskWhatItsSubmitterDid() throws Exception {
        Map<String, Submit> submits = Map.of(
                "callable", (service, cache) -> CompletionServiceHooks.submit(service, () -> derive(cache)),
                "runnable", (service, cache) -> CompletionServiceHooks.submit(service, () -> derive(cache), 2));
        Map<String, Take> takes = new LinkedHashMap<>();
        takes.put("take", (service, submitted) -> CompletionServiceHooks.take(service));
        takes.put("pollTimed", (service, submitted) -> CompletionServiceHooks.poll(service, 10, TimeUnit.SECONDS));
        takes.put("poll", (service, submitted) -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            Future<?> taken;
            while ((taken = CompletionServiceHooks.poll(service)) == null) { // found once the task has ended
                assertTrue(System.nanoTime() < deadline, "the task did not end");
                Thread.onSpinWait();
            }
            return taken;
        });
        takes.put("getOnly", (service, submitted) -> {
            ExecutorHooks.get(submitted); // the submitted future, never taken: ordered as an executor's
            return submitted;
        });
        for (Map.Entry<String, Submit> submit : submits.entrySet()) {
            for (Map.Entry<String, Take> take : takes.entrySet()) {
                for (boolean get : new boolean[] {false, true}) {
                    String label = "CompletionServiceEdgesTest." + submit.getKey() + "." + take.getKey()
                            + (get ? ".get" : "");
                    handOff(label, submit.getValue(), take.getValue(), get);
                    assertEquals(List.of(), DetectedRaces.on(label), label);
                }
            }
        }
    }

    /** The same hand-off with submit and take left as they are: the task's read races with the seed. */
    @Test
    void aCompletionServiceTheDetectorDoesNotSeeLeavesTheHandOffRacy() throws Exception {
        String label = "CompletionServiceEdgesTest.unhooked";
        handOff(label, (service, cache) -> service.submit(() -> derive(cache)), (service, submitted) -> service.take(),
                true);
        assertFalse(DetectedRaces.on(label).isEmpty(), "the check sees a missing edge");
    }

    /**
     * Taking a future orders its own task only: the first of two tasks on one worker ended before
     * the second began, so what the second writes races with what follows taking the first.
     */
    @Test
    void takingOneFutureOrdersItsTaskNotTheOthers() throws Exception {
        String label = "CompletionServiceEdgesTest.otherTask";
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CompletionService<Integer> service = new ExecutorCompletionService<>(worker);
            cache.put("seed", 1);
            Future<?> first = CompletionServiceHooks.submit(service, () -> cache.get("seed"));
            CompletionServiceHooks.submit(service, () -> cache.put("second", 2), 2);
            assertSame(first, CompletionServiceHooks.take(service)); // one worker: completed in submission order
            cache.get("second");
            assertNotNull(CompletionServiceHooks.take(service));
        } finally {
            worker.shutdown();
            assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertFalse(DetectedRaces.on(label).isEmpty(), "the second task's put is not ordered by the first's take");
    }

    /**
     * A consumer can take a future before its submitter's {@code submit} returned (here the executor
     * runs the task in the submitter's thread, then holds it until the consumer took the future), so
     * before the future is linked to its task: taking it still acquires the task's end.
     */
    @Test
    void aFutureTakenBeforeSubmitReturnedStillOrdersItsTask() throws Exception {
        String label = "CompletionServiceEdgesTest.beforeSubmitReturned";
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        CountDownLatch taken = new CountDownLatch(1); // called as it is: no edge of its own
        Executor runsThenWaits = task -> {
            task.run();
            try {
                assertTrue(taken.await(10, TimeUnit.SECONDS), "the consumer did not take the future");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        CompletionService<Integer> service = new ExecutorCompletionService<>(runsThenWaits);
        Thread submitter = new Thread(() -> {
            cache.put("seed", 1);
            CompletionServiceHooks.submit(service, () -> derive(cache));
        }, label);
        ThreadHooks.starting(submitter);
        submitter.start();
        Future<?> future = CompletionServiceHooks.take(service);
        assertEquals(2, cache.get("derived"));
        taken.countDown();
        assertEquals(2, future.get());
        ThreadHooks.join(submitter, 10_000);
        assertFalse(submitter.isAlive());
        assertEquals(List.of(), DetectedRaces.on(label));
    }

    /** The task: reads the seed, puts {@code derived}. */
    private static Integer derive(Map<String, Integer> cache) {
        int value = cache.get("seed") + 1;
        cache.put("derived", value);
        return value;
    }

    /**
     * This thread seeds the cache and submits the task to a one-thread executor's completion
     * service; then learns that it ended and reads what it put, before {@code get} or after it.
     */
    private static void handOff(String label, Submit submit, Take take, boolean get) throws Exception {
        Map<String, Integer> cache = new TrackedHashMap<>(new HashMap<>(), new MapShadow(label));
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CompletionService<Integer> service = new ExecutorCompletionService<>(worker);
            cache.put("seed", 1);
            Future<?> submitted = submit.submit(service, cache);
            Future<?> taken = take.take(service, submitted);
            assertSame(submitted, taken, "take answers the future submit did");
            if (get) {
                assertEquals(2, ExecutorHooks.get(taken));
            }
            assertEquals(2, cache.get("derived"), label);
        } finally {
            worker.shutdown(); // called as it is: no edge of its own
            assertTrue(worker.awaitTermination(10, TimeUnit.SECONDS));
        }
    }
}
