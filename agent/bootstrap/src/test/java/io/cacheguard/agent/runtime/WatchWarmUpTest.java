package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The warm-up takes every race path of the watch, and what it finds goes to its own listeners
 * only. Whether the JIT then compiles those paths as branches is checked by hand with
 * {@code -XX:+LogCompilation} (see the README); here, that the paths are taken and stay private.
 */
@Timeout(60)
class WatchWarmUpTest {
    /** Three fields' worth of rounds: each field's races raise its sampling level once at least. */
    private static final int ROUNDS = 150;

    @Test
    void everyRacePathIsTakenAndEndsInTheWarmUpsOwnListeners() {
        WatchWarmUp.Dropped dropped = WatchWarmUp.run(ROUNDS);
        // five hits a round (a lookup, a write and a mark each walking into another thread's
        // write, a write into a watchpoint, a mark into a watchpoint), reported with both stacks
        // in two rounds of three; in the third the capture fails and they are only counted, as is
        // every round's walk into a mark already gone
        assertEquals(5 * ROUNDS * 2 / 3, dropped.races, "races reported with both sides");
        assertEquals(5 * ROUNDS / 3 + ROUNDS, dropped.counted, "races only counted");
        assertEquals(3, dropped.sampled, "each field's races lowered its sampling once");
    }

    @Test
    void startsOnceOnADaemonThreadThatEnds() throws Exception {
        Thread first = WatchWarmUp.startInBackground();
        assertNull(WatchWarmUp.startInBackground(), "started once per JVM");
        assertNotNull(first, "nothing else in this JVM starts the warm-up before this test");
        assertTrue(first.isDaemon(), "never keeps the JVM alive");
        first.join(TimeUnit.SECONDS.toMillis(30));
        assertFalse(first.isAlive(), "the warm-up ends within its deadline");
    }
}
