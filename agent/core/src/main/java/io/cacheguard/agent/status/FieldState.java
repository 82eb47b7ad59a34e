package io.cacheguard.agent.status;

/**
 * One field as {@code status} and the JMX view show it.
 *
 * @param field     {@code com.acme.Cache.map}
 * @param verdict   {@code patched}, {@code tracked} (mode detect), {@code skipped}, or {@code raced} for a
 *                  field with races the agent made no decision on in this run
 * @param patchedAt {@code load} (its class was rewritten as it loaded) or {@code live} (at an attach,
 *                  its class already loaded: old aliases may remain)
 * @param bounds    the bounds spec its maps get, or "" for none
 * @param races     races seen on it, repeats included
 * @param maps      what its bounded maps hold and dropped, {@link BoundedCounts#NOT_COUNTED} without bounds
 */
public record FieldState(String field, String verdict, String patchedAt, String bounds, long races, BoundedCounts maps) {
    /** A field whose maps are not counted: no bounds. */
    public FieldState(String field, String verdict, String patchedAt, String bounds, long races) {
        this(field, verdict, patchedAt, bounds, races, BoundedCounts.NOT_COUNTED);
    }
}
