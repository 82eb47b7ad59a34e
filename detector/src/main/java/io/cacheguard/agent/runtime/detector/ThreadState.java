package io.cacheguard.agent.runtime.detector;

/** A thread as the detector knows it: its id and its vector clock. Used only by that thread. */
public final class ThreadState {
    final int tid;
    /** The Java thread's id, to tell whether a remembered site is this thread's. */
    final long threadId;
    final VectorClock clock = new VectorClock();

    /**
     * @param start this thread's first clock value: past every event of the ended threads that had
     *              its id before, so none of theirs is mistaken for one of its own
     */
    ThreadState(int tid, long threadId, long start) {
        this.tid = tid;
        this.threadId = threadId;
        clock.set(tid, start);
    }

    public int tid() {
        return tid;
    }

    /**
     * The clocks of the few synchronization objects, monitors and gathering objects this thread used last, so that a
     * lock taken again and again is found without a shared table. Each holds at most
     * {@link RecentClocks#SIZE} objects alive per live thread.
     */
    final RecentClocks<SyncClock> recentSyncs = new RecentClocks<>();
    final RecentClocks<HeldClock> recentMonitors = new RecentClocks<>();
    final RecentClocks<ReleaseSlots> recentGathering = new RecentClocks<>();

    /**
     * Where this thread last accessed each of the few maps it used last, by map and operation. A
     * stack walk is the detector's most expensive step, and the site a map remembers is its last
     * accessor's: on a map that threads take turns on (a cache behind a lock) the next thread would
     * walk its stack on nearly every access. Holds at most {@link #RECENT_SITES} shadows alive per
     * live thread, and no memory in the shadows themselves.
     */
    private static final int RECENT_SITES = 16;
    private final MapShadow[] siteMaps = new MapShadow[RECENT_SITES];
    private final Site[] sites = new Site[RECENT_SITES];
    private int nextSite;

    /** This thread's latest site of {@code operation} on {@code shadow}'s map, if still remembered. */
    Site recentSite(MapShadow shadow, String operation) {
        int slot = siteSlot(shadow, operation);
        return slot < 0 ? null : sites[slot];
    }

    void rememberSite(MapShadow shadow, Site site) {
        int slot = siteSlot(shadow, site.operation());
        if (slot >= 0) {
            sites[slot] = site; // a fresher capture of the same access
            return;
        }
        siteMaps[nextSite] = shadow;
        sites[nextSite] = site;
        nextSite = (nextSite + 1) % RECENT_SITES;
    }

    private int siteSlot(MapShadow shadow, String operation) {
        for (int i = 0; i < RECENT_SITES; i++) {
            if (siteMaps[i] == shadow && sites[i].operation().equals(operation)) {
                return i;
            }
        }
        return -1;
    }

    public long threadId() {
        return threadId;
    }

    /** This thread's current epoch. */
    long epoch() {
        return clock.epoch(tid);
    }
}
