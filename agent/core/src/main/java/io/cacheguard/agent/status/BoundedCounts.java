package io.cacheguard.agent.status;

/**
 * What the bounded maps of one field hold and dropped: the sum over its live maps (an instance
 * field has one per owner), counted since the agent started.
 *
 * @param entries   entries held now, those expired but not yet tidied included (what they cost in memory)
 * @param evictions entries removed to keep a map within {@code maximumSize}
 * @param expiries  entries removed because they expired
 */
public record BoundedCounts(long entries, long evictions, long expiries) {
    /** A field whose maps have no bounds: they neither evict nor expire, and their sizes are not followed. */
    public static final BoundedCounts NOT_COUNTED = new BoundedCounts(-1, -1, -1);
    /** A field with bounds that has had no map yet. */
    public static final BoundedCounts NONE_YET = new BoundedCounts(0, 0, 0);

    public boolean counted() {
        return entries >= 0;
    }
}
