package io.cacheguard.agent.runtime.detector;

/**
 * How many of a map's races are attributed to their two sites. Attributing one costs a stack walk,
 * and a map raced on in a hot loop races on nearly every operation: walking the stack each time
 * would slow the program by orders of magnitude. So the first {@link #FULL} races of a map are all
 * attributed, then one in two, one in four, ... up to one in 4096. A pair of sites that occurs
 * often keeps being sampled, only rare pairs on an already hot map may go unnamed. Counts are exact
 * until the map is {@link #HOT}; from then on they count only the sampled accesses' races.
 */
final class Attribution {
    static final int FULL = 64;
    private static final int MAX_PERIOD = 4096;
    /**
     * Races after which a map is hot: only one access in {@link #HOT_PERIOD} is checked at all. A
     * map two threads hammer without a lock races on almost every access; checking each would cost
     * a contended lock per operation for no new knowledge. Its count becomes a lower bound.
     */
    static final int HOT = 4096;
    static final int HOT_PERIOD = 64;

    private Attribution() {
    }

    /** Whether an access to a hot map ({@code races} so far) skips the check: all but one in {@link #HOT_PERIOD}. */
    static boolean skips(int races) {
        return races >= HOT && java.util.concurrent.ThreadLocalRandom.current().nextInt(HOT_PERIOD) != 0;
    }

    /** Whether the {@code races}-th race of a map (counting from 1) is attributed to its sites. */
    static boolean attributes(int races) {
        if (races <= FULL) {
            return true;
        }
        int period = Math.min(MAX_PERIOD, Integer.highestOneBit(races) / FULL);
        return (races & (period - 1)) == 0;
    }
}
