package io.cacheguard.agent.runtime.detector;

/** Two accesses to one map that no synchronization orders: what the detector reports. */
public final class Race {
    /** Which accesses raced. */
    public enum Kind {
        WRITE_WRITE("write-write"), READ_WRITE("read-write");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Which detector saw it. */
    public enum Detector {
        /** Two threads were inside the same patched map at once: overlapping in time, so never ordered. */
        WATCH("watch"),
        /** The happens-before detector: no synchronization it models orders the two accesses. */
        HB("hb");

        private final String label;

        Detector(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private final Kind kind;
    private final Detector detector;
    private final String map;
    private final int mapIdentity;
    private final boolean patched;
    private final Site earlier;
    private final Site later;

    /** A race found by the happens-before detector. */
    public Race(Kind kind, String map, int mapIdentity, boolean patched, Site earlier, Site later) {
        this(kind, Detector.HB, map, mapIdentity, patched, earlier, later);
    }

    public Race(Kind kind, Detector detector, String map, int mapIdentity, boolean patched, Site earlier, Site later) {
        this.kind = kind;
        this.detector = detector;
        this.map = map;
        this.mapIdentity = mapIdentity;
        this.patched = patched;
        this.earlier = earlier;
        this.later = later;
    }

    public Kind kind() {
        return kind;
    }

    public Detector detector() {
        return detector;
    }

    /** The map's field, {@code com.acme.Cache.map}. */
    public String map() {
        return map;
    }

    /** The map's identity hash code: which instance, when a field held several. */
    public int mapIdentity() {
        return mapIdentity;
    }

    /** Whether the map is patched: the race is real in the source but harmless in this run. */
    public boolean patched() {
        return patched;
    }

    public Site earlier() {
        return earlier;
    }

    public Site later() {
        return later;
    }

    @Override
    public String toString() {
        return kind.label() + " race on " + map + "@" + Integer.toHexString(mapIdentity) + ": " + earlier + " / " + later;
    }
}
