package io.cacheguard.agent.runtime.detector;

/** Receives each race as the detector finds it; reporting, counting and dedupe happen there. */
@FunctionalInterface
public interface RaceListener {
    void race(Race race);

    /** A race on {@code map} that was not attributed to its sites (see {@link Attribution}): only counted. */
    default void counted(String map, boolean patched) {
    }

    /**
     * {@code map} raced so often that from now on only a sample of its accesses is checked: its
     * count is a lower bound from here on.
     */
    default void sampled(String map) {
    }
}
