package io.cacheguard.samples;

/**
 * Which twin of each cache class a sample uses. {@link #SAFE} exists to prove the invariants are
 * not too strict: the safe twins keep the same unlocked compound operations and only make the map
 * itself thread-safe, which is exactly what the agent can do at class-load time.
 */
public enum Variant {
    /** The legacy class with its plain {@code java.util} map; the one the agent is meant to patch. */
    RACY,
    /** A hand-written twin whose map is thread-safe; every sample must report OK with it. */
    SAFE;

    /** Testing switch: {@code -Dcacheguard.samples.safe=true} runs the safe twins. */
    public static final String SAFE_PROPERTY = "cacheguard.samples.safe";

    public static Variant fromSystemProperties() {
        return Boolean.getBoolean(SAFE_PROPERTY) ? SAFE : RACY;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
