package io.cacheguard.agent.jfr;

/** The names JDK Mission Control and {@code jfr print --events 'io.cacheguard.*'} show (a user contract). */
final class CacheguardEvent {
    static final String CATEGORY = "cacheguard";
    static final String FIELD_PATCHED = "io.cacheguard.FieldPatched";
    static final String FIELD_SKIPPED = "io.cacheguard.FieldSkipped";
    static final String LIVE_MAP_GUARDED = "io.cacheguard.LiveMapGuarded";
    static final String RACE = "io.cacheguard.Race";
    static final String SUMMARY = "io.cacheguard.Summary";

    private CacheguardEvent() {
    }
}
