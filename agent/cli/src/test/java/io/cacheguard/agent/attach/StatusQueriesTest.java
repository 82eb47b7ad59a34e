package io.cacheguard.agent.attach;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code list}'s questions to the JVMs: asked at once, each answer awaited until one deadline. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StatusQueriesTest {
    private static final TargetJvm QUIET = TargetJvm.listed(101, null);
    private static final TargetJvm PLAIN = TargetJvm.listed(102, null);
    private static final TargetJvm PATCHED = TargetJvm.listed(103, null);

    /** Answers at once, except for {@link #QUIET}, whose attach never returns (a stopped JVM). */
    private static final class FakeAttacher implements Attacher {
        final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String cacheguardStatus(TargetJvm target, String agentJar) {
            if (target == QUIET) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    throw new AssertionError("an abandoned attach must not be interrupted", e);
                }
            }
            return target == PATCHED ? "version=1 mode=both start=attach" : "";
        }

        @Override
        public Map<String, String> properties(TargetJvm target, String agentJar, String... names) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void loadAgent(TargetJvm target, String agentJar, String argument, StatusCheck beforeLoading) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void aJvmThatNeverAnswersIsAbandonedAtTheDeadlineAndTheOthersAreListed() {
        FakeAttacher attacher = new FakeAttacher();
        long start = System.nanoTime();

        Map<TargetJvm, String> statuses = StatusQueries.ask(attacher, List.of(QUIET, PLAIN, PATCHED), "agent.jar",
                Duration.ofMillis(300));

        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertTrue(millis < 3_000, "took " + millis + " ms");
        assertEquals(List.of(QUIET, PLAIN, PATCHED), List.copyOf(statuses.keySet()));
        assertEquals("? (no answer within 300 ms)", statuses.get(QUIET));
        assertEquals("no", statuses.get(PLAIN));
        assertEquals("version=1 mode=both start=attach", statuses.get(PATCHED));
        attacher.never.countDown();
    }

    @Test
    void aStuckAttachRunsInADaemonThreadSoTheCommandCanEnd() {
        FakeAttacher attacher = new FakeAttacher();

        StatusQueries.ask(attacher, List.of(QUIET), "agent.jar", Duration.ofMillis(50));

        Thread stuck = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("cacheguard-list-" + QUIET.pid)).findFirst().orElseThrow();
        assertTrue(stuck.isDaemon());
        attacher.never.countDown();
    }
}
