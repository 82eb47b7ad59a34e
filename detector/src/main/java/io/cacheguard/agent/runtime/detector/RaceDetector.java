package io.cacheguard.agent.runtime.detector;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The happens-before race detector for tracked maps, after FastTrack (Flanagan and Freund, PLDI
 * 2009): per-thread vector clocks, per-map epochs for the common case. Two accesses race when
 * neither happens before the other, however far apart in time they ran: a write in one thread and
 * a later write in another that only waited (slept) is a race.
 *
 * <p>Synchronization is modelled as edges: {@link #release} then {@link #acquire} of the same
 * object (monitors, locks, a volatile write then read), {@link #fork} and {@link #join} of threads.
 * Everything else orders nothing. Callers give each thread its {@link ThreadState} and each map its
 * {@link MapShadow}.
 */
public final class RaceDetector {
    private final RaceListener listener;
    private final SyncClocks syncClocks = new SyncClocks();
    /** Monitors apart from other uses of the same object (a volatile of it): their clocks are joined in place. */
    private final WeakIdentityMap<HeldClock> monitors = new WeakIdentityMap<>();
    /** Objects many threads release at once for few acquirers (see {@link ReleaseSlots}). */
    private final WeakIdentityMap<ReleaseSlots> gathering = new WeakIdentityMap<>();
    private final ThreadIds ids = new ThreadIds();
    /** Each field's races past its maps' own, by label: the shared part of {@link Attribution}'s budget. */
    private final Map<String, FieldRaces> fields = new ConcurrentHashMap<>();

    public RaceDetector(RaceListener listener) {
        this.listener = listener;
    }

    /** A new thread's state with an id of its own for good, for tests that play several threads in one. */
    public ThreadState newThread(long threadId) {
        return ids.allocate(null, threadId);
    }

    /** A new thread's state, for tests that play several threads in one. */
    public ThreadState newThread() {
        return newThread(-1);
    }

    /**
     * The state of {@code owner}, the current thread, meeting the detector for the first time. It
     * has seen {@code inherited}: what its starter had done (see {@link #forkClock}); null when it
     * was not started from instrumented code. Its id is reused once it has ended (see {@link ThreadIds}).
     *
     * @throws IllegalStateException past {@link Epoch#MAX_THREADS} threads alive at once
     */
    public ThreadState newThread(Thread owner, VectorClock inherited) {
        @SuppressWarnings("deprecation") // Thread.threadId() is JDK 19+
        long threadId = owner.getId();
        ThreadState state = ids.allocate(owner, threadId);
        if (inherited != null) {
            state.clock.join(inherited);
        }
        return state;
    }

    /** Detector ids now held by threads that may be alive, or by ownerless test threads. */
    public int threadIdsInUse() {
        return ids.inUse();
    }

    /** The highest detector id handed out so far, plus one: how long a vector clock can get. */
    public int threadIdSpan() {
        return ids.span();
    }

    /**
     * {@code parent} is starting a thread whose state does not exist yet: the clock the child will
     * start from. Everything the parent did so far happens before the child.
     */
    public VectorClock forkClock(ThreadState parent) {
        VectorClock inherited = parent.clock.copy();
        parent.clock.tick(parent.tid);
        return inherited;
    }

    /**
     * {@code thread} acquired {@code sync}: it now has seen everything released to it before. A
     * {@link SyncClock} or {@link HeldClock} given as {@code sync} is the clock itself, kept by its
     * object (a collection's element, a hand-off); any other object's clock is in a shared table.
     */
    public void acquire(ThreadState thread, Object sync) {
        if (sync instanceof HeldClock) {
            ((HeldClock) sync).acquireInto(thread.clock);
        } else {
            acquire(thread, sync instanceof SyncClock ? (SyncClock) sync : clockOf(thread, sync));
        }
    }

    /** {@code thread} acquired a synchronization object whose clock its caller keeps itself. */
    public void acquire(ThreadState thread, SyncClock released) {
        thread.clock.join(released.snapshot());
    }

    /**
     * {@code thread} released {@code sync} (or into a clock given as {@code sync}, as for
     * {@link #acquire}). The release joins rather than replaces the object's clock, so that an
     * object several threads release at once (a semaphore's permits) publishes each one's writes.
     */
    public void release(ThreadState thread, Object sync) {
        if (sync instanceof HeldClock) {
            ((HeldClock) sync).releaseFrom(thread.clock);
            thread.clock.tick(thread.tid);
        } else {
            release(thread, sync instanceof SyncClock ? (SyncClock) sync : clockOf(thread, sync));
        }
    }

    /** {@code thread} released a synchronization object whose clock its caller keeps itself. */
    public void release(ThreadState thread, SyncClock released) {
        released.release(thread.clock);
        thread.clock.tick(thread.tid);
    }

    /** The clock of {@code sync}: from the thread's few most recent ones, else from the shared table. */
    private SyncClock clockOf(ThreadState thread, Object sync) {
        SyncClock clock = thread.recentSyncs.of(sync);
        if (clock == null) {
            clock = syncClocks.of(sync);
            thread.recentSyncs.remember(sync, clock);
        }
        return clock;
    }

    /** {@code thread} entered {@code monitor}, or woke in it from a wait: it holds it now. */
    public void enter(ThreadState thread, Object monitor) {
        monitorClock(thread, monitor).acquireInto(thread.clock);
    }

    /** {@code thread} is about to leave {@code monitor}, or to wait on it: it still holds it. */
    public void exit(ThreadState thread, Object monitor) {
        monitorClock(thread, monitor).releaseFrom(thread.clock);
        thread.clock.tick(thread.tid);
    }

    private HeldClock monitorClock(ThreadState thread, Object monitor) {
        return thread.recentMonitors.of(monitor, monitors, m -> new HeldClock());
    }

    /**
     * {@code thread} released {@code sync}, an object many threads release for few acquirers (a
     * latch, an executor's ends of tasks), whose acquires it orders after the releases they see.
     */
    public void releaseGathered(ThreadState thread, Object sync) {
        thread.recentGathering.of(sync, gathering, s -> new ReleaseSlots()).release(thread);
        thread.clock.tick(thread.tid);
    }

    /** {@code thread} acquired what {@link #releaseGathered} released into {@code sync}. */
    public void acquireGathered(ThreadState thread, Object sync) {
        ReleaseSlots released = gathering.get(sync);
        if (released != null) {
            released.acquireInto(thread.clock);
        }
    }

    /** {@code thread} took the read ({@code read}) or write side of {@code lock}. */
    public void acquire(ThreadState thread, ReadWriteClocks lock, boolean read) {
        lock.acquire(thread, read);
    }

    /** {@code thread} is about to give back the read ({@code read}) or write side of {@code lock}. */
    public void release(ThreadState thread, ReadWriteClocks lock, boolean read) {
        lock.release(thread, read);
        thread.clock.tick(thread.tid);
    }

    /** {@code parent} started {@code child}: everything the parent did happens before the child. */
    public void fork(ThreadState parent, ThreadState child) {
        child.clock.join(parent.clock);
        parent.clock.tick(parent.tid);
    }

    /**
     * {@code parent} joined {@code child}, which has ended: everything the child did happens before
     * what follows. The child's clock is left as it ended, since its id may belong to a new thread
     * by now, whose first event must stay unseen by every later joiner (see {@link ThreadIds}).
     */
    public void join(ThreadState parent, ThreadState child) {
        parent.clock.join(child.clock);
    }

    /**
     * Every access to {@code shadow}'s map so far happens before whatever comes next: the map was
     * published by class initialisation or through a final field. Its history is dropped.
     */
    public void published(MapShadow shadow) {
        shadow.forget();
    }

    /** {@code thread} read {@code map}. */
    public void read(ThreadState thread, Object map, MapShadow shadow, SiteCapture site) {
        long now = thread.epoch();
        if (shadow.read == now || Attribution.skips(shadow.races)) {
            return; // same epoch: nothing new to learn (a stale value only ever skips this thread's own repeat)
        }
        // Outside the map's lock: a stack walk there would stall every thread using the map. Shared
        // reads find the reader's own site under the lock instead.
        boolean shared = shadow.sharedReads != null;
        Site remembered = shared ? null : reusable(shadow.readSite, thread, shadow, site);
        Site here = shared || remembered != null ? remembered : capture(thread, shadow, site);
        Race race = null;
        boolean counted = false;
        boolean turnedHot;
        synchronized (shadow) {
            if (shadow.read == now || shadow.sharedReads != null
                    && shadow.sharedReads.get(thread.tid) == thread.clock.get(thread.tid)) {
                return;
            }
            if (shadow.write != Epoch.NONE && !thread.clock.covers(shadow.write)) {
                if (Attribution.attributes(++shadow.races, fieldOf(shadow)) && shadow.writeSite != null) {
                    here = here == null || here == remembered ? captureForReport(thread, shadow, site) : here;
                    race = new Race(Race.Kind.READ_WRITE, shadow.label, System.identityHashCode(map),
                            shadow.patched, shadow.writeSite, here);
                } else {
                    counted = true;
                }
            }
            turnedHot = shadow.races == Attribution.HOT && (race != null || counted);
            if (shadow.sharedReads != null) {
                if (race == null) { // each reader's own site: rarely new, so captured under the lock
                    Site own = reusable(shadow.sharedReadSite(thread.tid), thread, shadow, site);
                    here = own != null ? own : here != null ? here : capture(thread, shadow, site);
                }
                shadow.shareRead(thread.tid, thread.clock.get(thread.tid), here);
            } else if (shadow.read == Epoch.NONE || thread.clock.covers(shadow.read)) {
                shadow.read = now;
                shadow.readSite = here;
            } else {
                shadow.shareReads(shadow.read, shadow.readSite);
                shadow.shareRead(thread.tid, thread.clock.get(thread.tid), here);
            }
        }
        notify(race, counted, turnedHot, shadow);
    }

    /** {@code thread} wrote {@code map}. */
    public void write(ThreadState thread, Object map, MapShadow shadow, SiteCapture site) {
        long now = thread.epoch();
        if (shadow.write == now || Attribution.skips(shadow.races)) {
            return;
        }
        Site remembered = reusable(shadow.writeSite, thread, shadow, site);
        Site here = remembered != null ? remembered : capture(thread, shadow, site);
        Race race = null;
        boolean counted = false;
        boolean turnedHot;
        synchronized (shadow) {
            if (shadow.write == now) {
                return;
            }
            Site earlier = null;
            Race.Kind kind = null;
            if (shadow.write != Epoch.NONE && !thread.clock.covers(shadow.write)) {
                kind = Race.Kind.WRITE_WRITE;
                earlier = shadow.writeSite;
            } else if (shadow.sharedReads != null) {
                Site[] readers = shadow.sharedReadSites; // as long as every id that read (a site may be null)
                for (int tid = 0; tid < readers.length; tid++) {
                    if (tid != thread.tid && shadow.sharedReads.get(tid) > thread.clock.get(tid)) {
                        kind = Race.Kind.READ_WRITE;
                        earlier = readers[tid];
                        break;
                    }
                }
            } else if (shadow.read != Epoch.NONE && Epoch.tid(shadow.read) != thread.tid
                    && !thread.clock.covers(shadow.read)) {
                kind = Race.Kind.READ_WRITE;
                earlier = shadow.readSite;
            }
            if (kind != null) {
                if (Attribution.attributes(++shadow.races, fieldOf(shadow)) && earlier != null) {
                    here = here == null || here == remembered ? captureForReport(thread, shadow, site) : here;
                    race = new Race(kind, shadow.label, System.identityHashCode(map), shadow.patched, earlier, here);
                } else {
                    counted = true;
                }
            }
            turnedHot = shadow.races == Attribution.HOT && kind != null;
            shadow.sharedReads = null;
            shadow.sharedReadSites = null;
            shadow.write = now;
            shadow.writeSite = here;
        }
        notify(race, counted, turnedHot, shadow);
    }

    /** A new site for an access, or none on a map whose races are only sampled now. */
    private Site capture(ThreadState thread, MapShadow shadow, SiteCapture site) {
        return Attribution.wouldAttribute(shadow.races, fieldOf(shadow)) ? captureForReport(thread, shadow, site) : null;
    }

    /**
     * The races of {@code shadow}'s field. Set in the shadow at the first need, racily: every thread
     * finds the same object, and its only field is final, so a thread that reads the shadow's plain
     * field sees it whole.
     */
    private FieldRaces fieldOf(MapShadow shadow) {
        FieldRaces field = shadow.field;
        if (field == null) {
            field = fields.computeIfAbsent(shadow.label, label -> new FieldRaces());
            shadow.field = field;
        }
        return field;
    }

    /** Where a racing access really is, for its report: always walked, never reused. */
    private static Site captureForReport(ThreadState thread, MapShadow shadow, SiteCapture site) {
        Site captured = site.capture();
        thread.rememberSite(shadow, captured);
        return captured;
    }

    /**
     * A site to reuse for this access rather than walking the stack: the one the map remembers if
     * it is this thread's and this operation's, else this thread's latest of that operation on the
     * map (see {@link SiteCapture}).
     */
    private static Site reusable(Site remembered, ThreadState thread, MapShadow shadow, SiteCapture site) {
        if (remembered != null && remembered.threadId() == thread.threadId
                && remembered.operation().equals(site.operation())) {
            return remembered;
        }
        return thread.recentSite(shadow, site.operation());
    }

    private void notify(Race race, boolean counted, boolean turnedHot, MapShadow shadow) {
        if (race != null) {
            listener.race(race);
        } else if (counted) {
            listener.counted(shadow.label, shadow.patched);
        }
        if (turnedHot) {
            listener.sampled(shadow.label);
        }
    }
}
