package io.cacheguard.agent.analysis;

import java.util.Locale;

/** What cacheguard does with one map field. */
public enum Verdict {
    /** Some write can run without the lock every other access holds: the agent swaps the map. */
    PATCH,
    /** Every access is ordered by one lock, or the map is already thread-safe or never written after publication. */
    SAFE,
    /** The field cannot take a wrapper, or the analysis could not decide: left alone, with the reason. */
    SKIP;

    /** The lower-case form used in reports and on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
