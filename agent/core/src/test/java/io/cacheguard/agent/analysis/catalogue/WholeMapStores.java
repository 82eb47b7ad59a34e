package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.HashMap;
import java.util.Map;

/**
 * Issue 14 item 5: storing a whole map (or null) into the field is publication, not a write of the
 * map's entries, and the two are judged apart. {@code entries} takes each map's own monitor around
 * every use of it and is reset by an assignment under {@code this}: comparing the clear under the
 * map's monitor with the assignment under {@code this} called it inconsistent synchronization
 * before (patch); each map is only ever used under its own monitor: safe. {@code snapshot} is
 * replaced by a filled copy under {@code this} and read under {@code this}, and its entries are never changed once stored: safe. {@code loaded}
 * is replaced by a filled copy without a lock and read without one, in a field that is not
 * volatile: a reader may see the copy before its entries, patch ("unsafe publication").
 */
public final class WholeMapStores {

    @Expect(value = SAFE, reason = "publication")
    private Map<String, Object> entries = new HashMap<>();

    @Expect(value = SAFE, reason = "never changed once stored")
    private Map<String, Object> snapshot = new HashMap<>();

    @Expect(value = PATCH, reason = "unsafe publication")
    private Map<String, Object> loaded = new HashMap<>();

    public Object get(String key) {
        Map<String, Object> map = entries;
        synchronized (map) {
            return map.get(key);
        }
    }

    public void put(String key, Object value) {
        Map<String, Object> map = entries;
        synchronized (map) {
            map.put(key, value);
        }
    }

    public void clear() {
        Map<String, Object> map = entries;
        synchronized (map) {
            map.clear();
        }
    }

    public synchronized void reset() {
        entries = new HashMap<>();
    }

    public synchronized Object snapshotted(String key) {
        return snapshot.get(key);
    }

    public synchronized void takeSnapshot(Map<String, Object> source) {
        snapshot = new HashMap<>(source);
    }

    public synchronized void forget() {
        snapshot = null;
    }

    public Object loaded(String key) {
        return loaded.get(key);
    }

    public void load(Map<String, Object> source) {
        Map<String, Object> copy = new HashMap<>();
        copy.putAll(source);
        loaded = copy;
    }
}
