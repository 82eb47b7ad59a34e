package io.cacheguard.agent.jmx;

/** {@code io.cacheguard:type=Field,name=<Class.field>}: one field cacheguard patched or tracked. */
public interface FieldMXBean {
    /** {@code com.acme.Cache.map}. */
    String getField();

    /** {@code patched} or {@code tracked}. */
    String getVerdict();

    /** {@code load}, or {@code live} when an attach patched it with its class already loaded. */
    String getPatchedAt();

    /** The bounds spec its maps get ({@code maximumSize=10000,expireAfterWrite=10m}), or "" for none. */
    String getBounds();

    /** Races seen on it, repeats included. */
    long getRaces();

    /**
     * Entries its bounded maps hold now, summed over its live maps (an instance field has one per
     * owner), expired ones not yet tidied included; -1 when it has no bounds (its size is not followed).
     */
    long getSize();

    /** Entries its bounded maps removed to keep within {@code maximumSize}; -1 when it has no bounds. */
    long getEvictions();

    /** Entries its bounded maps dropped as expired; -1 when it has no bounds. */
    long getExpiries();
}
