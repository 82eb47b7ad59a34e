package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

class SyncClocksTest {

    @Test
    void oneClockPerObjectByIdentity() {
        SyncClocks clocks = new SyncClocks();
        String a = new String("lock");
        String b = new String("lock"); // equal, but another object
        assertSame(clocks.of(a), clocks.of(a));
        assertNotSame(clocks.of(a), clocks.of(b));
    }

    @Test
    void theClockOfADeadLockIsCollected() throws InterruptedException {
        SyncClocks clocks = new SyncClocks();
        Object keep = new Object();
        clocks.of(keep);
        for (int i = 0; i < 1000; i++) {
            clocks.of(new Object()); // dies at once
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (clocks.size() > 1) {
            if (System.nanoTime() > deadline) {
                fail("clocks of dead locks were never dropped: " + clocks.size());
            }
            System.gc();
            Thread.sleep(10); // waiting for the collector, not synchronizing threads
        }
        assertEquals(1, clocks.size());
        clocks.of(keep); // still reachable, still there
        assertEquals(1, clocks.size());
    }
}
