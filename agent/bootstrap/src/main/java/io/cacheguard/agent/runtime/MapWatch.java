package io.cacheguard.agent.runtime;

import io.cacheguard.agent.runtime.detector.Race;
import io.cacheguard.agent.runtime.detector.Site;
import io.cacheguard.agent.runtime.detector.SiteCapture;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The lightweight detector's state of one tracked map: who is inside it now. Modelled on the Go
 * runtime's map check (a writer sets {@code hashWriting}, everyone entering checks it) and on
 * DataCollider/KCSAN's sampled watchpoints:
 * <ul>
 *   <li>a writer marks the map with its thread for the length of its operation (one CAS in, one
 *       out), unless its field is hot (see {@link WatchedField});</li>
 *   <li>every operation first looks at the mark (one plain load): another thread's writer mark, or
 *       any other thread's reader mark when this operation writes, means two threads are inside the
 *       map at once, and at least one of them changes it;</li>
 *   <li>a sample of the reads that walk the whole map (iteration, {@code equals}, {@code toString})
 *       marks it too (a watchpoint), so that a writer walking into one is seen; sampled operations
 *       also stall a few microseconds while marked, so that overlaps which are rare at any one
 *       instant show up.</li>
 * </ul>
 * The thread that walks in captures its own stack and swaps the mark for a {@link Hit} carrying it;
 * the marked thread finds the hit when it leaves (its clearing CAS fails), captures its own stack,
 * still inside the caller's frame, and reports the race with both.
 *
 * <p>Never a false alarm: the walker read the mark after the marker set it and before the marker
 * cleared it (coherence of the one field), so neither operation happens before the other whatever
 * synchronization the program uses. {@code MapWatchStress} checks the protocol under jcstress.
 */
final class MapWatch {
    private static final VarHandle MARK;

    static {
        try {
            MARK = MethodHandles.lookup().findVarHandle(MapWatch.class, "mark", Object.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * A map's first writes all mark it, whatever its field's sampling: a map that lives for a
     * handful of writes (one made per request, or a lazy initialisation that two threads race to
     * fill) has no later writes to be sampled among.
     */
    private static final int YOUNG_WRITES = 64;

    final WatchedField field;
    /** Whether {@code get} changes the map (an access-ordered LinkedHashMap): then it is watched as a write. */
    final boolean readsWrite;
    /** Null, a writer's {@link Thread}, a {@link ReaderMark}, or the {@link Hit} that replaced either. */
    private volatile Object mark; // through MARK, but for markAs
    /** Writes so far, counted up to {@link #YOUNG_WRITES} only. */
    private int youngWrites;

    MapWatch(WatchedField field, boolean readsWrite) {
        this.field = field;
        this.readsWrite = readsWrite;
    }

    /**
     * Enters an operation that reads ({@code write=false}) or changes the map.
     *
     * @return the token to hand to {@link #exit}: the mark this thread set, or null
     */
    Object enter(boolean write, SiteCapture operation) {
        Object seen = MARK.getOpaque(this);
        Thread me = Thread.currentThread();
        if (seen == null) {
            if (!write && !readsWholeMap(operation)) {
                return null; // a lookup: one load, no random number
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Object mine;
            if (write) {
                int young = youngWrites;
                if (young < YOUNG_WRITES) {
                    youngWrites = young + 1; // racy, and only while young: then never written again
                } else if (!field.marksWrite(random)) {
                    return null;
                }
                mine = me;
            } else {
                if (!field.watchesRead(random)) {
                    return null;
                }
                mine = new ReaderMark(me);
            }
            return mark(mine, me, write, operation, random);
        }
        walkIn(seen, me, write, operation);
        return null; // inside someone's mark, or our own (a nested call): leave it as it is
    }

    /**
     * Marks the map with {@code mine} if it is still free, or walks into the mark that another
     * thread set since this one looked. A method of its own so that {@link WatchWarmUp} can take
     * the second path, which otherwise only two threads racing to mark take.
     *
     * @return {@code mine} if marked, else null
     */
    Object mark(Object mine, Thread me, boolean write, SiteCapture operation, ThreadLocalRandom random) {
        Object seen = MARK.compareAndExchange(this, null, mine);
        if (seen == null) {
            if (write ? field.stallsWrite(random) : field.mayStall()) {
                stall(mine);
            }
            return mine;
        }
        // Another thread marked the map between our look and our mark: it is inside now.
        walkIn(seen, me, write, operation);
        return null;
    }

    /**
     * A lookup ({@code get}, {@code containsKey}) of a map whose lookups change nothing: it never
     * marks, so it only looks whether a writer is inside. {@link #enter} for such a read, with
     * nothing to {@link #exit}.
     */
    void lookUp(SiteCapture operation) {
        Object seen = MARK.getOpaque(this);
        if (seen != null) {
            walkIn(seen, Thread.currentThread(), false, operation);
        }
    }

    /**
     * Whether a read walks the whole map (iterates it, compares it, prints it): only those may set
     * a watchpoint. A lookup is over in nanoseconds, and a write walking into it is seen as well
     * the other way round, when the write marks and the lookup looks; sampling every lookup would
     * cost the commonest operation of a cache a random number.
     */
    private static boolean readsWholeMap(SiteCapture operation) {
        return operation == TrackedOps.ITERATE || operation == TrackedOps.READ_ALL;
    }

    /** Leaves the operation {@link #enter} returned {@code token} for; reports the race if it was hit. */
    void exit(Object token, SiteCapture operation, Object map) {
        if (token == null || MARK.compareAndSet(this, token, null)) {
            return;
        }
        Object seen = MARK.getVolatile(this);
        if (!(seen instanceof Hit) || ((Hit) seen).marked != token || !MARK.compareAndSet(this, seen, null)) {
            return; // cannot happen: only a hit replaces a mark, and only its marked thread clears one
        }
        Hit hit = (Hit) seen;
        try {
            Site mine = operation.capture();
            Site theirs = hit.awaitSite(Hit.SITE_WAIT_NANOS);
            if (theirs == null) {
                field.countOnly(); // the other thread could not give its stack in time
                return;
            }
            field.report(new Race(hit.kind, Race.Detector.WATCH, field.label, System.identityHashCode(map),
                    field.patched, mine, theirs));
        } catch (Throwable t) {
            Watch.fail(t);
        }
    }

    /**
     * This thread walked into {@code seen}: a race if another thread's operation and one of the two
     * changes the map. Not private: {@link WatchWarmUp} hands it a mark already gone, the path of a
     * marked thread that left (or another walker's hit) between this thread's look and its hit.
     */
    void walkIn(Object seen, Thread me, boolean write, SiteCapture operation) {
        Race.Kind kind;
        if (seen instanceof Thread) {
            if (seen == me) {
                return;
            }
            kind = write ? Race.Kind.WRITE_WRITE : Race.Kind.READ_WRITE;
        } else if (seen instanceof ReaderMark) {
            if (((ReaderMark) seen).thread == me || !write) {
                return;
            }
            kind = Race.Kind.READ_WRITE;
        } else {
            return; // already hit: the marked thread reports that one
        }
        // The hit goes in first and the stack after: a stack walk takes longer than most map
        // operations, and the marked thread waits for it when it leaves.
        Hit hit = new Hit(seen, kind);
        if (!MARK.compareAndSet(this, seen, hit)) {
            field.countOnly(); // the marked thread left meanwhile, or another thread hit it first
            return;
        }
        Site mine = null;
        try {
            mine = operation.capture();
        } catch (Throwable t) {
            Watch.fail(t);
        } finally {
            hit.publish(mine);
        }
    }

    /**
     * Sets the mark as another thread's operation would: only {@link WatchWarmUp} calls it, on a
     * watch of its own, to take the paths that a race takes without a second thread.
     */
    void markAs(Object other) {
        mark = other; // a volatile store: no access mode of MARK that the watch itself does not link
    }

    /** Whether no thread is marked inside the map now. */
    boolean isFree() {
        return MARK.getVolatile(this) == null;
    }

    /**
     * Holds the mark a little longer, so that a thread about to walk in finds it; ends early once
     * hit. Not private: {@link WatchWarmUp} ends one early, which otherwise only a second thread does.
     */
    void stall(Object token) {
        long until = System.nanoTime() + WatchedField.STALL_NANOS;
        while (MARK.getOpaque(this) == token && System.nanoTime() - until < 0) {
            Thread.onSpinWait();
        }
    }

    /** A sampled read's watchpoint: other readers may walk in freely, a writer may not. */
    static final class ReaderMark {
        final Thread thread;

        ReaderMark(Thread thread) {
            this.thread = thread;
        }
    }

    /** What a thread that walked into a mark leaves for the marked thread: its own access, once captured. */
    static final class Hit {
        /** How long the marked thread waits for the other's stack: a stack walk, with room for a descheduling. */
        static final long SITE_WAIT_NANOS = 200_000_000L;
        private static final Site NONE = new Site("", -1, "", new StackTraceElement[0]);

        final Object marked;
        final Race.Kind kind;
        private volatile Site site;

        Hit(Object marked, Race.Kind kind) {
            this.marked = marked;
            this.kind = kind;
        }

        void publish(Site captured) {
            site = captured == null ? NONE : captured;
        }

        /**
         * The other thread's access, or null if it failed or is not there within {@code waitNanos}
         * ({@link #SITE_WAIT_NANOS}; {@link WatchWarmUp} waits a few microseconds for one never published).
         */
        Site awaitSite(long waitNanos) {
            long until = System.nanoTime() + waitNanos;
            Site captured;
            while ((captured = site) == null && System.nanoTime() - until < 0) {
                Thread.yield();
            }
            return captured == NONE ? null : captured;
        }
    }
}
