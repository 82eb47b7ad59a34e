package io.cacheguard.agent.config;

import java.util.Locale;

/**
 * Which race detector watches the tracked maps ({@code detector=}). The two see different races
 * at different costs, which is why the default depends on the mode: {@code watch} where the agent
 * may be left on in production ({@code both}, and {@code attach}), {@code hb} where finding every
 * unordered pair is worth its cost ({@code detect}, in CI).
 */
public enum Detector {
    /**
     * Two threads inside the same map at once, one of them changing it. Only the maps themselves are
     * watched; nothing else in the program is rewritten, and a report is never a false alarm.
     */
    WATCH,
    /**
     * The happens-before detector: every acquire and release in the program is observed, so two
     * accesses no modelled synchronization orders are reported even when they are far apart in time.
     */
    HB,
    /** No detection: patch only. */
    OFF;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The detector of a mode when the user named none. */
    public static Detector defaultFor(Mode mode) {
        switch (mode) {
            case DETECT:
                return HB;
            case BOTH:
                return WATCH;
            default:
                return OFF;
        }
    }
}
