package io.cacheguard.agent.analysis.catalogue;

import static io.cacheguard.agent.analysis.Verdict.PATCH;
import static io.cacheguard.agent.analysis.Verdict.SAFE;

import io.cacheguard.agent.analysis.Expect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 14 item 5, jackson's {@code SerializerCache._sharedMap}: a map handed, under the class's
 * lock, to a method of another class that only copies it (through a constructor, two calls deep)
 * is read there with the caller's lock: safe. Handed to a method that puts into it, without a lock,
 * it is written: patch. Handed to one that keeps it, it escapes: patch. Before, every map passed
 * to code outside the class was an escape.
 */
public final class PassedToAnotherClass {

    /** jackson's {@code ReadOnlyClassToSerializerMap}: built from a copy of the map it is given. */
    static final class Snapshot {
        private final Object[] keys;

        private Snapshot(Copy copy) {
            this.keys = copy.keys;
        }

        static Snapshot from(Map<String, Object> map) {
            return new Snapshot(new Copy(map));
        }
    }

    /** jackson's {@code JsonSerializerMap}: iterates the map's entries into its own array. */
    static final class Copy {
        final Object[] keys;

        Copy(Map<String, Object> map) {
            List<Object> copied = new ArrayList<>(map.size());
            for (Map.Entry<String, Object> entry : map.entrySet()) {
                copied.add(entry.getKey());
            }
            keys = copied.toArray();
        }
    }

    static final class Defaults {
        static void fill(Map<String, Object> map) {
            map.put("default", Boolean.TRUE);
        }
    }

    /** Keeps the map it is given: whoever reads {@code last} later holds none of the caller's locks. */
    static final class Registry {
        static Object last;

        static void register(Map<String, Object> map) {
            last = map;
        }
    }

    @Expect(value = SAFE, reason = "every access holds 'this'")
    private final Map<String, Object> shared = new HashMap<>();

    @Expect(value = PATCH, reason = "which changes it")
    private final Map<String, Object> filled = new HashMap<>();

    @Expect(value = PATCH, reason = "escapes")
    private final Map<String, Object> registered = new HashMap<>();

    public synchronized void add(String key, Object value) {
        shared.put(key, value);
        filled.put(key, value);
        registered.put(key, value);
    }

    public synchronized Snapshot snapshot() {
        return Snapshot.from(shared);
    }

    public void reset() {
        Defaults.fill(filled);
    }

    public synchronized void publish() {
        Registry.register(registered);
    }
}
