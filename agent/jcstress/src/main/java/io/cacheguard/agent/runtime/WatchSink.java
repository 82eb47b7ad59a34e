package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import java.util.concurrent.atomic.AtomicInteger;

/** What one jcstress instance's watch reported: races with both sides, and overlaps only counted. */
final class WatchSink implements RaceListener {
    final AtomicInteger races = new AtomicInteger();
    final AtomicInteger incomplete = new AtomicInteger();

    @Override
    public void race(Race race) {
        boolean bothSides = race.earlier() != null && race.later() != null
                && race.earlier().threadId() != race.later().threadId();
        (bothSides ? races : incomplete).incrementAndGet();
    }
}
