package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.RaceListener;
import io.cacheguard.agent.runtime.detector.Site;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Takes every path of the watch that a race takes, at agent start, on a watch of its own, so that
 * the JIT has seen them taken before it compiles the application's code around the watch.
 *
 * <p>Why: HotSpot's C2 compiles a branch its profile never saw taken as an uncommon trap, and a
 * value its profile always saw null as a null check that traps. A program's first race is
 * usually found after C2 compiled its cache lookups around a watch whose race path was never
 * taken; the trap then throws the compiled lookup away, and with it the loop that inlined it
 * (compiled on stack replacement), and that thread may run interpreted for the better part of a
 * second (the memo cache of {@code DetectorModesOverhead}; seen in {@code -XX:+LogCompilation} as
 * {@code speculate_null_assert} at {@code MapWatch.lookUp}, {@code speculate_class_check} at
 * {@code walkIn}, {@code unstable_if} at {@code exit} and {@code WatchedField.stallsWrite}). A
 * method's profile is its own, whichever caller ran it, and C2 reads it when it inlines the method
 * into any caller: taken here, in profiled code, the race paths compile as ordinary branches.
 *
 * <p>Nothing here reaches a real field or the report: its own {@link WatchedField}s report to
 * listeners that only count, its captures return a fixed site (the stack walker runs once, at the
 * end, on its own), and its "other thread" is a thread object never started. Three classes each
 * of listener and capture, and every kind of mark, make those call sites and type checks
 * megamorphic in the profile, so that C2 compiles a virtual call and a full type check there, not
 * a guess the application's types fail.
 */
final class WatchWarmUp {
    /**
     * Enough rounds for the watch's methods to be compiled with profiling (C1, tier 3, after a few
     * hundred calls) and then run there a while: a tiered JVM's interpreter does not profile, so the
     * rare paths must be taken again once that code exists. Some 45 ms of one core, most of it
     * before the JIT compiles anything, on the 2-core machine of the measurements; 400 rounds
     * left the memo cache of {@code DetectorModesOverhead} slower (see the README).
     */
    static final int ROUNDS = 1_000;
    /** Rounds per watch: two free writes a round, more than its young writes, so both sides of that check are taken. */
    private static final int ROUNDS_PER_WATCH = 50;
    /** How long a warm-up race waits for a stack never published: a few turns of the wait loop. */
    private static final long SITE_WAIT_NANOS = 2_000L;
    private static final Site SITE = new Site("cacheguard-warm-up", -1, "warm-up", new StackTraceElement[0]);
    private static final SiteCapture[] CAPTURES = {new FirstCapture(), new SecondCapture(), new FailedCapture()};
    private static volatile boolean started;

    private WatchWarmUp() {
    }

    /**
     * Runs the warm-up once per JVM on a daemon thread of its own, off the agent's start-up path.
     *
     * @return the thread (for tests to wait on), or null if it was started before or cannot be
     */
    static Thread startInBackground() {
        if (started) {
            return null;
        }
        started = true;
        try {
            Thread thread = new Thread(WatchWarmUp::runQuietly, "cacheguard-watch-warm-up");
            thread.setDaemon(true);
            thread.start();
            return thread;
        } catch (Throwable ignored) {
            return null; // no thread for us (a security manager, out of memory): the watch works unwarmed
        }
    }

    private static void runQuietly() {
        try {
            run(ROUNDS);
            // Loads and links the stack walker here rather than at the application's first race,
            // where it took ~10 ms on the racing thread while the other waited for its stack.
            Sites.stack();
        } catch (Throwable ignored) {
            // a warm-up that fails leaves only the JIT's profiles less complete
        }
    }

    /** Takes the watch's common and rare paths {@code rounds} times; returns what its listeners were told. */
    static Dropped run(int rounds) {
        Dropped dropped = new Dropped();
        RaceListener[] listeners = {new FirstDrop(dropped), new SecondDrop(dropped), new ThirdDrop(dropped)};
        Thread other = new Thread(() -> { }, "cacheguard-warm-up-other"); // a mark only, never started
        Object map = new Object();
        MapWatch quiet = null;
        MapWatch racy = null;
        for (int round = 0; round < rounds; round++) {
            if (round % ROUNDS_PER_WATCH == 0) {
                // New watches now and then, so that each side of every check is taken again: a
                // young map's writes, a field's first race. The quiet field never races: its
                // sampling stays at its first level, where one write in two marks after the young
                // ones. The racy field's level rises with its races, as a real racy field's does.
                RaceListener listener = listeners[(round / ROUNDS_PER_WATCH) % listeners.length];
                quiet = new MapWatch(new WatchedField("cacheguard-warm-up", true, listener, 1, 1), false);
                racy = new MapWatch(new WatchedField("cacheguard-warm-up", true, listener, 1, 1), false);
            }
            SiteCapture capture = CAPTURES[round % CAPTURES.length];
            alone(quiet, capture, map);
            racing(racy, other, capture, map);
        }
        return dropped;
    }

    /**
     * The common paths: lookups, writes, reads, none overlapping. The reads of the whole map need
     * real operations (only those are such reads) and capture nothing with them: alone in its map,
     * this thread finds no mark there, and its own marks are never hit.
     */
    private static void alone(MapWatch watch, SiteCapture capture, Object map) {
        watch.lookUp(capture);
        watch.exit(watch.enter(false, capture), capture, map);
        watch.exit(watch.enter(true, capture), capture, map);
        watch.exit(watch.enter(true, capture), capture, map);
        watch.exit(watch.enter(false, TrackedOps.ITERATE), TrackedOps.ITERATE, map);
        watch.exit(watch.enter(false, TrackedOps.READ_ALL), TrackedOps.READ_ALL, map);
    }

    /** The paths a race takes, with {@code other} standing for the second thread. */
    private static void racing(MapWatch watch, Thread other, SiteCapture capture, Object map) {
        Thread me = Thread.currentThread();
        ThreadLocalRandom random = ThreadLocalRandom.current();

        // a write of its own, marked (young), whose stall another thread's walk ends early
        watch.exit(watch.enter(true, capture), capture, map);
        watch.stall(other);

        // a lookup walks into another thread's write, which then leaves and finds the hit
        watch.markAs(other);
        watch.lookUp(capture);
        watch.lookUp(capture); // already hit: the marked thread reports that one
        watch.exit(me, capture, map); // not the hit's thread: leaves it for the marked one
        watch.exit(other, capture, map);

        // a write walks into another thread's write
        watch.markAs(other);
        watch.exit(watch.enter(true, capture), capture, map);
        watch.exit(other, capture, map);

        // a write walks into another thread's watchpoint; a lookup and a read do not
        MapWatch.ReaderMark reader = new MapWatch.ReaderMark(other);
        watch.markAs(reader);
        watch.lookUp(capture);
        watch.exit(watch.enter(false, capture), capture, map);
        watch.exit(watch.enter(true, capture), capture, map);
        watch.exit(reader, capture, map);

        // two threads race to mark the map: this one finds the other's mark as it sets its own
        watch.markAs(other);
        watch.mark(me, me, true, capture, random);
        watch.exit(other, capture, map);
        watch.markAs(other);
        watch.mark(new MapWatch.ReaderMark(me), me, false, capture, random);
        watch.exit(other, capture, map);

        // the mark this thread walked into is gone before its hit goes in: only counted
        watch.markAs(null);
        watch.walkIn(other, me, true, capture);

        // the marked thread leaves before the other's stack is there
        new MapWatch.Hit(other, Race.Kind.WRITE_WRITE).awaitSite(SITE_WAIT_NANOS);

        // this thread's own marks (a nested call), and a mark it does not own when it leaves
        watch.markAs(new MapWatch.ReaderMark(me));
        watch.exit(watch.enter(true, capture), capture, map);
        watch.markAs(me);
        watch.lookUp(capture);
        watch.exit(watch.enter(true, capture), capture, map);
        watch.exit(other, capture, map);
        watch.markAs(null);
    }

    /** What the warm-up's listeners were told, and dropped. Racy counts: one thread writes them. */
    static final class Dropped {
        int races;
        int counted;
        int sampled;
    }

    /** Drops what it is told; three classes of it, so that the watch's calls to its listener stay megamorphic. */
    private abstract static class Drop implements RaceListener {
        private final Dropped dropped;

        Drop(Dropped dropped) {
            this.dropped = dropped;
        }

        @Override
        public void race(Race race) {
            dropped.races++;
        }

        @Override
        public void counted(String map, boolean patched) {
            dropped.counted++;
        }

        @Override
        public void sampled(String map) {
            dropped.sampled++;
        }
    }

    private static final class FirstDrop extends Drop {
        FirstDrop(Dropped dropped) {
            super(dropped);
        }
    }

    private static final class SecondDrop extends Drop {
        SecondDrop(Dropped dropped) {
            super(dropped);
        }
    }

    private static final class ThirdDrop extends Drop {
        ThirdDrop(Dropped dropped) {
            super(dropped);
        }
    }

    /** Returns a fixed site, no stack walk; three classes of capture, for the same reason as {@link Drop}'s three. */
    private abstract static class FixedCapture implements SiteCapture {
        @Override
        public String operation() {
            return "warm-up";
        }

        @Override
        public Site capture() {
            return SITE;
        }
    }

    private static final class FirstCapture extends FixedCapture {
    }

    private static final class SecondCapture extends FixedCapture {
    }

    /** A capture that fails, as a stack walk may: the race is then only counted. */
    private static final class FailedCapture extends FixedCapture {
        @Override
        public Site capture() {
            return null;
        }
    }
}
