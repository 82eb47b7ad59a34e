package io.cacheguard.agent.runtime.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EpochTest {

    @Test
    void packsThreadAndClockAndUnpacksThem() {
        long epoch = Epoch.of(1234, 987_654_321L);
        assertEquals(1234, Epoch.tid(epoch));
        assertEquals(987_654_321L, Epoch.clock(epoch));
        assertEquals("987654321@1234", Epoch.toString(epoch));
    }

    @Test
    void noEpochIsNoThreadsEvent() {
        assertTrue(Epoch.of(0, 0) != Epoch.NONE);
        assertEquals("none", Epoch.toString(Epoch.NONE));
    }

    @Test
    void aThreadIdBeyondTheBitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Epoch.of(1 << 20, 1));
    }

    @Test
    void aClockCoversTheEpochsItHasSeen() {
        VectorClock clock = new VectorClock();
        clock.set(3, 5);
        assertTrue(clock.covers(Epoch.of(3, 5)));
        assertFalse(clock.covers(Epoch.of(3, 6)));
        assertFalse(clock.covers(Epoch.of(4, 1)));
        VectorClock other = new VectorClock();
        other.set(4, 2);
        clock.join(other);
        assertTrue(clock.covers(Epoch.of(4, 2)));
        assertTrue(clock.covers(other));
    }
}
