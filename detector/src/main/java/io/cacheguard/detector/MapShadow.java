package io.cacheguard.detector;

import java.util.HashMap;
import java.util.Map;

/**
 * FastTrack's shadow state of one tracked map: the last write as an epoch and its site, and the
 * reads since, as one epoch while a single thread reads and as a vector clock once reads are
 * shared. It lives in the tracking wrapper, so it is collected with the map. While one thread uses
 * the map it holds two longs and two references (40 bytes with the object header on a 64-bit JVM
 * with compressed pointers); the vector clock and per-reader sites exist only for shared reads.
 *
 * <p>Guarded by its own monitor: the detector's check of one access is atomic for the map.
 */
public final class MapShadow {
    /** Names the map in reports: {@code com.acme.Cache.map}. */
    final String label;
    long write = Epoch.NONE;
    Site writeSite;
    long read = Epoch.NONE;
    Site readSite;
    /** Reads by several threads without an order: per-thread last read, and where it was. */
    VectorClock sharedReads;
    Map<Integer, Site> sharedReadSites;

    public MapShadow(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    void shareReads(long existing, Site existingSite) {
        sharedReads = new VectorClock();
        sharedReadSites = new HashMap<>();
        sharedReads.set(Epoch.tid(existing), Epoch.clock(existing));
        sharedReadSites.put(Epoch.tid(existing), existingSite);
        read = Epoch.NONE;
        readSite = null;
    }
}
