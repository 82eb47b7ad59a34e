package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Race;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The race detector for the unit tests, which share one JVM and so one {@link Detection}: switched
 * on once, whichever test comes first, keeping every race; each test reads the races of its own
 * maps by their labels, whatever ran before it.
 */
final class DetectedRaces {
    private static final List<Race> RACES = new ArrayList<>();

    private DetectedRaces() {
    }

    static synchronized void on() {
        if (!Detection.enabled()) {
            Detection.configure(race -> {
                synchronized (RACES) {
                    RACES.add(race);
                }
            }, 16, GuardListener.NONE);
        }
    }

    /** The races reported so far on maps labelled {@code label}. */
    static List<Race> on(String label) {
        synchronized (RACES) {
            return RACES.stream().filter(race -> race.map().equals(label)).collect(Collectors.toList());
        }
    }
}
