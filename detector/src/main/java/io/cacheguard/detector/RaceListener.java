package io.cacheguard.detector;

/** Receives each race as the detector finds it; reporting, counting and dedupe happen there. */
@FunctionalInterface
public interface RaceListener {
    void race(Race race);
}
