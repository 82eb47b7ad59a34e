package io.cacheguard.agent.config;

import java.util.Locale;

/** What the agent does to the caches it finds. */
public enum Mode {
    /** Swap racy maps for guarded wrappers. */
    PATCH,
    /** Observe only: maps keep their racy behaviour and races are reported (with the detector). */
    DETECT,
    /** Swap and report. */
    BOTH,
    /** Do nothing at all. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean patches() {
        return this == PATCH || this == BOTH;
    }

    public boolean detects() {
        return this == DETECT || this == BOTH;
    }
}
