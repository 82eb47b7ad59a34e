package io.cacheguard.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The runtime's bounds: the numbers the agent read from the spec, and the clock they are measured with. */
class CacheBoundsTest {
    @Test
    void noLimitAtAllIsNone() {
        assertSame(CacheBounds.NONE, CacheBounds.of(-1, -1, -1));
        assertTrue(CacheBounds.NONE.isUnbounded());
        assertFalse(CacheBounds.of(7, -1, -1).isUnbounded());
    }

    @Test
    void withTickerKeepsTheLimitsAndUsesTheNewClock() {
        Ticker ticker = () -> 0L;
        CacheBounds bounds = CacheBounds.of(7, -1, -1).withTicker(ticker);

        assertEquals(7, bounds.maximumSize());
        assertSame(ticker, bounds.ticker());
    }
}
