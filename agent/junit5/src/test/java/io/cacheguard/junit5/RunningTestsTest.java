package io.cacheguard.junit5;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which test a race goes to, by the thread that reported it; races are fed in as the agent would. */
class RunningTestsTest {
    private final TestRaces first = new TestRaces("First.test()");
    private final TestRaces second = new TestRaces("Second.test()");

    @AfterEach
    void finishBoth() {
        RunningTests.finish(first);
        RunningTests.finish(second);
    }

    @Test
    void aRaceOnAThreadTheTestStartedGoesToThatTestOnly() throws Exception {
        startOnOwnThread(second);
        RunningTests.start(first);
        Thread worker = new Thread(() -> RunningTests.race("a.B.map", "write-write", "sites", "report"));
        worker.start();
        worker.join(10_000);
        assertFalse(worker.isAlive());
        assertTrue(first.failure(RaceOptions.DEFAULT).isPresent());
        assertTrue(second.failure(RaceOptions.DEFAULT).isEmpty(), "the other test running at the same time");
    }

    @Test
    void aRaceOnAThreadOfNoTestGoesToEveryTestRunning() throws Exception {
        ExecutorService shared = Executors.newSingleThreadExecutor();
        try {
            shared.submit(() -> { }).get(10, TimeUnit.SECONDS); // its thread exists before the tests
            startOnOwnThread(second);
            RunningTests.start(first);
            shared.submit(() -> RunningTests.race("a.B.map", "read-write", "sites", "report")).get(10, TimeUnit.SECONDS);
        } finally {
            shared.shutdownNow();
        }
        assertTrue(first.failure(RaceOptions.DEFAULT).isPresent());
        assertTrue(second.failure(RaceOptions.DEFAULT).isPresent());
    }

    @Test
    void aThreadThatOutlivesItsTestReportsToTheTestRunningThen() throws Exception {
        RunningTests.start(first);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            pool.submit(() -> { }).get(10, TimeUnit.SECONDS); // the worker is made during the first test
            RunningTests.finish(first);
            RunningTests.start(second);
            pool.submit(() -> RunningTests.race("a.B.map", "write-write", "sites", "late")).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertTrue(first.failure(RaceOptions.DEFAULT).isEmpty(), "finished before the race");
        assertEquals(true, second.failure(RaceOptions.DEFAULT).orElse("").contains("late"));
    }

    @Test
    void aRaceWhenNoTestRunsGoesNowhere() {
        RunningTests.race("a.B.map", "write-write", "sites", "report");
        RunningTests.start(first);
        assertTrue(first.failure(RaceOptions.DEFAULT).isEmpty());
    }

    /** Starts a test on a thread of its own, as a parallel worker would, and leaves it running. */
    private static void startOnOwnThread(TestRaces test) throws Exception {
        CompletableFuture.runAsync(() -> RunningTests.start(test), Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r);
            t.setDaemon(true);
            return t;
        })).get(10, TimeUnit.SECONDS);
    }
}
