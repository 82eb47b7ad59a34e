package io.cacheguard.samples.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ConcurrentModificationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void everyWorkerRunsOnceWithItsOwnNumber() throws Exception {
        AtomicInteger numbers = new AtomicInteger();
        FirstViolation violations = new FirstViolation();

        WorkerThreads.startTogether("test-worker", 4, violations, worker -> numbers.addAndGet(1 << worker))
                .awaitFinished(Duration.ofSeconds(5));

        assertEquals(0b1111, numbers.get());
        assertFalse(violations.found());
    }

    @Test
    void anExceptionInAWorkerBecomesTheViolationNamingThreadAndFrame() throws Exception {
        FirstViolation violations = new FirstViolation();

        WorkerThreads.startTogether("test-worker", 1, violations, worker -> {
            throw new ConcurrentModificationException();
        }).awaitFinished(Duration.ofSeconds(5));

        assertTrue(violations.reason().startsWith(
                "exception java.util.ConcurrentModificationException in test-worker-0 at "), violations.reason());
    }

    @Test
    void aWorkerThatNeverFinishesIsReportedAsAHangNamingWhereItLoops() throws Exception {
        AtomicBoolean release = new AtomicBoolean();
        WorkerThreads looping = WorkerThreads.startTogether("looping-worker", 1, new FirstViolation(), worker -> {
            while (!release.get()) {
                Thread.onSpinWait();
            }
        });
        try {
            HangDetected hang = assertThrows(HangDetected.class, () -> looping.awaitFinished(Duration.ofMillis(100)));
            assertTrue(hang.getMessage().contains("looping-worker-0"), hang.getMessage());
        } finally {
            release.set(true);
        }
    }

    @Test
    void onlyTheFirstViolationIsKept() {
        FirstViolation violations = new FirstViolation();

        violations.report("lost entry");
        violations.report("size mismatch");

        assertEquals("lost entry", violations.reason());
    }
}
