package io.cacheguard.agent.runtime.detector;

/**
 * How many of a map's races are attributed to their two sites. Attributing one costs a stack walk,
 * and a map raced on in a hot loop races on nearly every operation: walking the stack each time
 * would slow the program by orders of magnitude. So the first {@link #PER_MAP} races of every map
 * are attributed, so that each new map's races are named (a test that makes its own cache sees its
 * own races with their sites); beyond those, a field's races share one budget over all its maps:
 * the first {@link #FULL} all attributed, then one in two, one in four, ... up to one in 4096. A
 * pair of sites that occurs often keeps being sampled, only rare pairs on an already hot field may
 * go unnamed. A budget per map alone made a field whose code makes a new map again and again (a
 * cache per request, per run, per test) walk the stack for nearly every race of each new map: on
 * the seed sample, some 160 walks per round against 4 now, for 1.2x its rounds. Counts are exact
 * until a map is {@link #HOT}; from then on they count only the sampled accesses' races.
 */
final class Attribution {
    /** Races of every map attributed whatever its field has raced before. */
    static final int PER_MAP = 4;
    /** A field's races past its maps' own that are all attributed before the sampling starts. */
    private static final int FULL = 64;
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

    /**
     * Whether a race is attributed to its sites: the {@code mapRaces}-th race of its map (counting
     * from 1) if within the map's own {@link #PER_MAP}, else as the next of {@code field}'s races
     * past their maps' own is sampled (which it counts, see {@link FieldRaces#next}).
     */
    static boolean attributes(int mapRaces, FieldRaces field) {
        return mapRaces <= PER_MAP || attributes(field.next());
    }

    /** Whether the next race of a map that has {@code mapRaces} so far would be attributed: worth a site now. */
    static boolean wouldAttribute(int mapRaces, FieldRaces field) {
        return mapRaces < PER_MAP || attributes(field.peekNext());
    }

    /** Whether the {@code races}-th race of a field's sampled budget (counting from 1) is attributed. */
    private static boolean attributes(int races) {
        if (races <= FULL) {
            return true;
        }
        int period = Math.min(MAX_PERIOD, Integer.highestOneBit(races) / FULL);
        return (races & (period - 1)) == 0;
    }
}
