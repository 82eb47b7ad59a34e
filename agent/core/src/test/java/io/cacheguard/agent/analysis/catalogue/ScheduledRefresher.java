package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;
import java.util.Timer;
import java.util.TimerTask;

/**
 * A cache emptied every minute by an anonymous TimerTask on the timer's thread. The task clears
 * {@link #snapshot} without the lock the owner's methods hold: patch. It clears {@link #staleness}
 * inside {@code synchronized (lock)}, the owner's lock: safe.
 */
public final class ScheduledRefresher {

    @Expect(PATCH)
    private final Map<String, String> snapshot = new HashMap<>();

    @Expect(SAFE)
    private final Map<String, Long> staleness = new HashMap<>();

    private final Object lock = new Object();
    private final Timer timer = new Timer(true);

    public ScheduledRefresher() {
        timer.schedule(new TimerTask() {
            @Override
            public void run() {
                snapshot.clear();
                synchronized (lock) {
                    staleness.clear();
                }
            }
        }, 60_000, 60_000);
    }

    public String get(String key) {
        synchronized (lock) {
            return snapshot.get(key);
        }
    }

    public void put(String key, String value) {
        synchronized (lock) {
            snapshot.put(key, value);
            staleness.put(key, System.nanoTime());
        }
    }

    public Long storedAt(String key) {
        synchronized (lock) {
            return staleness.get(key);
        }
    }
}
