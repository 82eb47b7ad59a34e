package io.cacheguard.agent.runtime;

import io.cacheguard.agent.spec.BoundsSpec;

/** Bounds written as users write them, read by the agent's own spec syntax, handed over as the agent does. */
final class UserBounds {
    private UserBounds() {
    }

    static CacheBounds parse(String spec) {
        BoundsSpec bounds = BoundsSpec.parse(spec);
        return CacheBounds.of(bounds.maximumSize(), bounds.expireAfterWriteNanos(), bounds.expireAfterAccessNanos());
    }
}
