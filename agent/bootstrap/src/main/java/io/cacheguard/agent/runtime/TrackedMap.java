package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.MapShadow;

/** A map whose every operation the race detector sees; it delegates the work to {@link #target}. */
public interface TrackedMap {
    MapShadow shadow();

    /** The map doing the work: the original in mode {@code detect}, its guarded twin in mode {@code both}. */
    Object target();
}
