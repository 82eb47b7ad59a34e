package io.cacheguard.detector;

/**
 * How many of a map's races are attributed to their two sites. Attributing one costs a stack walk,
 * and a map raced on in a hot loop races on nearly every operation: walking the stack each time
 * would slow the program by orders of magnitude. So the first {@link #FULL} races of a map are all
 * attributed, then one in two, one in four, ... up to one in 4096. Counts stay exact; a pair of
 * sites that occurs often keeps being sampled, only rare pairs on an already hot map may go unnamed.
 */
final class Attribution {
    static final int FULL = 64;
    private static final int MAX_PERIOD = 4096;

    private Attribution() {
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
