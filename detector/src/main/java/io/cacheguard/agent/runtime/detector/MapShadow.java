package io.cacheguard.agent.runtime.detector;

import java.util.Arrays;

/**
 * FastTrack's shadow state of one tracked map: the last write as an epoch and its site, and the
 * reads since, as one epoch while a single thread reads and as a vector clock once reads are
 * shared. It lives in the tracking wrapper, so it is collected with the map. While one thread uses
 * the map it holds two longs and two references (40 bytes with the object header on a 64-bit JVM
 * with compressed pointers; with the label, flag, race count and field 64 bytes); the vector clock and
 * per-reader sites exist only for shared reads, and sites are shared between maps.
 *
 * <p>Guarded by its own monitor: the detector's check of one access is atomic for the map.
 */
public final class MapShadow {
    /** Names the map in reports: {@code com.acme.Cache.map}. */
    final String label;
    /** Whether the map is a patched (thread-safe) one, so its races are harmless now. */
    final boolean patched;
    /** Races found on this map; past {@link Attribution#PER_MAP} only a sample is attributed to sites. */
    int races;
    /** Its field's races, shared with the field's other maps: set by the detector at the first need. */
    FieldRaces field;
    long write = Epoch.NONE;
    Site writeSite;
    long read = Epoch.NONE;
    Site readSite;
    /** Reads by several threads without an order: per-thread last read, and where it was (by detector id). */
    VectorClock sharedReads;
    Site[] sharedReadSites;

    public MapShadow(String label) {
        this(label, false);
    }

    public MapShadow(String label, boolean patched) {
        this.label = label;
        this.patched = patched;
    }

    public String label() {
        return label;
    }

    public boolean patched() {
        return patched;
    }

    /** Forgets every access so far: they all happen before whatever any thread does next. */
    synchronized void forget() {
        write = Epoch.NONE;
        writeSite = null;
        read = Epoch.NONE;
        readSite = null;
        sharedReads = null;
        sharedReadSites = null;
    }

    void shareReads(long existing, Site existingSite) {
        sharedReads = new VectorClock();
        sharedReadSites = new Site[0];
        shareRead(Epoch.tid(existing), Epoch.clock(existing), existingSite);
        read = Epoch.NONE;
        readSite = null;
    }

    /** Thread {@code tid}'s read at {@code clock} joins the shared reads; the sites grow to every id that read. */
    void shareRead(int tid, long clock, Site site) {
        sharedReads.set(tid, clock);
        if (tid >= sharedReadSites.length) {
            sharedReadSites = Arrays.copyOf(sharedReadSites, Math.max(tid + 1, 2 * sharedReadSites.length));
        }
        sharedReadSites[tid] = site;
    }

    /** Where thread {@code tid} last read, among the shared reads. */
    Site sharedReadSite(int tid) {
        return tid < sharedReadSites.length ? sharedReadSites[tid] : null;
    }
}
