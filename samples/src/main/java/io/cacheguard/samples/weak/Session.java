package io.cacheguard.samples.weak;

/**
 * A key with identity equality, like the sessions, class loaders or listeners that weak caches are
 * keyed by. Identity hash codes also spread keys over the table as real ones do.
 */
public final class Session {

    private final String id;

    public Session(String id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "Session[" + id + "]";
    }
}
