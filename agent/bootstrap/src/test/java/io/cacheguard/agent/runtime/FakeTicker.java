package io.cacheguard.agent.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test moves it, so expiry never depends on the scheduler. */
final class FakeTicker implements Ticker {
    private final AtomicLong nanos = new AtomicLong(42L);

    @Override
    public long read() {
        return nanos.get();
    }

    void advance(Duration duration) {
        nanos.addAndGet(duration.toNanos());
    }
}
