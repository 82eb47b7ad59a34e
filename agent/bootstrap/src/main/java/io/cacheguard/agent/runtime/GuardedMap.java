package io.cacheguard.agent.runtime;

/**
 * Marks a map that cacheguard already made thread-safe, so that no code path wraps it twice.
 */
public interface GuardedMap {
}
