package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Lock striping, pre-java.util.concurrent: sixteen segments, each a member class with its own
 * HashMap behind its own synchronized methods. Within a segment every access holds that segment:
 * safe.
 */
public final class SegmentedCache {

    static final class Segment {
        @Expect(SAFE)
        private final Map<Object, Object> entries = new HashMap<>();

        synchronized Object get(Object key) {
            return entries.get(key);
        }

        synchronized Object put(Object key, Object value) {
            return entries.put(key, value);
        }
    }

    private final Segment[] segments = new Segment[16];

    public SegmentedCache() {
        for (int i = 0; i < segments.length; i++) {
            segments[i] = new Segment();
        }
    }

    public Object get(Object key) {
        return segmentFor(key).get(key);
    }

    public Object put(Object key, Object value) {
        return segmentFor(key).put(key, value);
    }

    private Segment segmentFor(Object key) {
        return segments[(key.hashCode() & 0x7fffffff) % segments.length];
    }
}
