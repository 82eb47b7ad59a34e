package io.cacheguard.agent.analysis;

import java.util.Locale;

/** How one instruction uses a map field's value. */
public enum Access {
    /** Reads the map: get, containsKey, size, iteration, ... */
    READ,
    /** Changes the map: put, remove, clear, compute, iterator removal, {@code get} on an access-ordered map, ... */
    WRITE,
    /** Hands the map to code the analysis does not see: returned, passed on, stored elsewhere. */
    ESCAPE,
    /** Stores a map into the field itself. */
    ASSIGN;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
