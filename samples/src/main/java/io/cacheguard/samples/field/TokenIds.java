package io.cacheguard.samples.field;

import java.util.Set;

/** What the driver needs from a token-to-id cache, legacy or safe. */
public interface TokenIds {

    void register(String token, int id);

    /** The id registered for the token, or null. */
    Integer idOf(String token);

    int size();

    /** A live view for checks made after all workers have finished. */
    Set<String> tokens();
}
