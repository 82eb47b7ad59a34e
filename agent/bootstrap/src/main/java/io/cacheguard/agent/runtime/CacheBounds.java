package io.cacheguard.agent.runtime;

import java.util.Objects;

/**
 * Optional size and time bounds for a guarded map: the numbers the agent read from the user's
 * spec ({@code maximumSize=10000,expireAfterWrite=10m}; the syntax is {@code agent/spec}'s
 * {@code BoundsSpec}, read in the agent's loader before anything is defined here), and the clock
 * they are measured with. Without bounds a guarded map keeps every entry, like the map it replaces.
 */
public final class CacheBounds {
    public static final CacheBounds NONE = new CacheBounds(-1, -1, -1, Ticker.SYSTEM, null);

    private final long maximumSize;
    private final long expireAfterWriteNanos;
    private final long expireAfterAccessNanos;
    private final Ticker ticker;
    /** Where the maps made with these bounds count their evictions and expiries, or null: not counted. */
    private final BoundedMapCounts counts;

    private CacheBounds(long maximumSize, long expireAfterWriteNanos, long expireAfterAccessNanos, Ticker ticker,
                        BoundedMapCounts counts) {
        this.maximumSize = maximumSize;
        this.expireAfterWriteNanos = expireAfterWriteNanos;
        this.expireAfterAccessNanos = expireAfterAccessNanos;
        this.ticker = ticker;
        this.counts = counts;
    }

    /**
     * Bounds of these limits, each -1 for none, measured with the system clock.
     *
     * @param maximumSize            the largest number of entries
     * @param expireAfterWriteNanos  nanoseconds an entry lives after its last write
     * @param expireAfterAccessNanos nanoseconds an entry lives after its last read or write
     */
    public static CacheBounds of(long maximumSize, long expireAfterWriteNanos, long expireAfterAccessNanos) {
        if (maximumSize < 0 && expireAfterWriteNanos < 0 && expireAfterAccessNanos < 0) {
            return NONE;
        }
        return new CacheBounds(Math.max(-1, maximumSize), Math.max(-1, expireAfterWriteNanos),
                Math.max(-1, expireAfterAccessNanos), Ticker.SYSTEM, null);
    }

    /** The same bounds measured with another clock. */
    public CacheBounds withTicker(Ticker ticker) {
        return new CacheBounds(maximumSize, expireAfterWriteNanos, expireAfterAccessNanos,
                Objects.requireNonNull(ticker, "ticker"), counts);
    }

    /** The same bounds, the maps made with them counting into {@code counts} (a field's, see {@link BoundedFields}). */
    CacheBounds countedBy(BoundedMapCounts counts) {
        return new CacheBounds(maximumSize, expireAfterWriteNanos, expireAfterAccessNanos, ticker,
                Objects.requireNonNull(counts, "counts"));
    }

    /** Where maps with these bounds count what they evict and expire, or null when nobody reads it. */
    BoundedMapCounts counts() {
        return counts;
    }

    public boolean isUnbounded() {
        return maximumSize < 0 && expireAfterWriteNanos < 0 && expireAfterAccessNanos < 0;
    }

    /** The largest number of entries, or -1 for no limit. */
    public long maximumSize() {
        return maximumSize;
    }

    /** Nanoseconds an entry lives after its last write, or -1 for forever. */
    public long expireAfterWriteNanos() {
        return expireAfterWriteNanos;
    }

    /** Nanoseconds an entry lives after its last read or write, or -1 for forever. */
    public long expireAfterAccessNanos() {
        return expireAfterAccessNanos;
    }

    public Ticker ticker() {
        return ticker;
    }

    /** The limits, -1 for none (the user's own form is the agent's {@code BoundsSpec}). */
    @Override
    public String toString() {
        return "CacheBounds[maximumSize=" + maximumSize + ", expireAfterWriteNanos=" + expireAfterWriteNanos
                + ", expireAfterAccessNanos=" + expireAfterAccessNanos + "]";
    }

    /** The limits and the clock; where the maps count is no part of the bounds. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof CacheBounds)) {
            return false;
        }
        CacheBounds other = (CacheBounds) o;
        return maximumSize == other.maximumSize
                && expireAfterWriteNanos == other.expireAfterWriteNanos
                && expireAfterAccessNanos == other.expireAfterAccessNanos
                && ticker == other.ticker;
    }

    @Override
    public int hashCode() {
        return Objects.hash(maximumSize, expireAfterWriteNanos, expireAfterAccessNanos);
    }
}
